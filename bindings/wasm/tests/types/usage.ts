// Compiled (not run) by tests/types.test.mjs against the built package: the
// types must be precise (no `any`) and match what the API returns.
import { analyze, applyFixes, Linter, rules } from "postlint";
import type { Config, ConfigError, ConfiguredRule, CustomRule, Diagnostic, Evidence, Fix, Options, Report, RuleInfo, Severity } from "postlint";
import init, { analyze as analyzeWeb, initSync, Linter as WebLinter } from "postlint/web";

type IsAny<T> = 0 extends 1 & T ? true : false;
const notAny: [IsAny<ReturnType<typeof analyze>>, IsAny<Report["diagnostics"]>, IsAny<ReturnType<typeof rules>>] = [
  false,
  false,
  false,
];

const report: Report = analyze("Buy now!");
const salesy: number = report.scores.salesy;
const identity: number = report.scores.identityReflecting;
const labelled: boolean = report.labels.identityReflecting;
const language: "en" | "other" = report.language;
// @ts-expect-error only "en" and "other"
const fr: "fr" = report.language;
// @ts-expect-error the JS spelling is camelCase
report.scores.identity_reflecting;

const d: Diagnostic | undefined = report.diagnostics[0];
if (d) {
  const severity: Severity = d.severity;
  const sev: "error" | "warning" | "info" = d.severity;
  const span: [number, number] = [d.start, d.end];
  const message: string = d.message;
  const suggestion: string | undefined = d.suggestion;
  // @ts-expect-error a suggestion may be absent
  const always: string = d.suggestion;
}
const e: Evidence | undefined = report.evidence[0];
if (e) {
  const score: number = report.scores[e.dimension];
  const weight: number = e.weight;
}

const config: Config = {
  rules: { "hard-sell": "off", urgency: "error" },
  thresholds: { salesy: 0.6, identityReflecting: 0.4 },
  brands: ["Acme"],
  extraSalesPhrases: ["grab a bag"],
  allow: ["follow us on our journey"],
};
const linter = new Linter(config);
const again: Report = linter.analyze("hello");
const configured: ConfiguredRule[] = linter.rules();
const off: Severity | null = configured[0].severity;
new Linter();
const options: Options = { rules: { shouting: "info" } };
analyze("x", options);
// @ts-expect-error not a rule level
new Linter({ rules: { "hard-sell": "loud" } });
// @ts-expect-error thresholds are numbers
new Linter({ thresholds: { salesy: "high" } });
// @ts-expect-error text is a string
analyze(42);

const sturdy: CustomRule = { id: "say-sturdy", phrases: ["flimsy"], severity: "warning", message: "m", replacement: "sturdy" };
const house = new Linter({
  customRules: [sturdy],
  ignore: [{ rule: "hard-sell", text: "buy now" }],
  rules: { "say-sturdy": "error", "hard-sell": "off" },
});
const houseReport: Report = house.analyze("A flimsy chair");
const maybeFix: Fix | undefined = houseReport.diagnostics[0]?.fix;
const fixed: string = applyFixes("A flimsy chair", houseReport);
const fixedToo: string = house.applyFixes("A flimsy chair", houseReport);
// @ts-expect-error a custom rule needs a message
const noMessage: CustomRule = { id: "x", phrases: ["y"], severity: "info" };

const catalogue: RuleInfo[] = rules();
const firstDefault: Severity | undefined = catalogue[0]?.defaultSeverity;

try {
  new Linter({ thresholds: { salesy: 2 } });
} catch (err) {
  const ce = err as ConfigError;
  const key: string | null = ce.key;
  const name: "ConfigError" = ce.name;
}
linter.free();

async function web(): Promise<number> {
  await init();
  initSync;
  const r: Report = new WebLinter().analyze("hi");
  return analyzeWeb("hi").scores.salesy + r.scores.personal;
}

export { notAny, salesy, identity, labelled, again, firstDefault, web };
