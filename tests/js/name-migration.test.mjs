// The store step that splits single names typed before 0.2 into person fields, for the reader to confirm.
import assert from "node:assert/strict";
import { test } from "node:test";
import { migrate, splitOldNames } from "../../docs/assets/guide/migrations.js";

test("old single names and titles become person fields, with what was typed kept for the check note", () => {
  const state = {
    version: 2,
    applications: [
      {
        fields: { your_name: "Priya Sharma" },
        recipients: [
          { interviewer_name: "Jan van Dijk", interviewer_title: "Dr" },
          { interviewer_name: "Anna-Lena Berg-Okafor", interviewer_title: "Mrs" },
          { interviewer_name: "Madonna" },
        ],
      },
    ],
  };
  const [app] = splitOldNames(state, ["your_name", "interviewer_name"]).applications;
  assert.deepEqual([app.fields["your_name.given"], app.fields["your_name.family"]], ["Priya", "Sharma"]);
  const [jan, anna, one] = app.recipients;
  assert.deepEqual([jan["interviewer_name.title"], jan["interviewer_name.family"], jan["interviewer_name.check"]], ["Dr", "van Dijk", "Dr Jan van Dijk"]);
  assert.equal(anna["interviewer_name.address"], "ms");
  assert.equal(anna["interviewer_name.family"], "Berg-Okafor");
  assert.equal(one["interviewer_name.given"], "Madonna");
  assert.equal(jan.interviewer_title, undefined);
});

test("names already split are left alone, and a state without a page names no blanks", () => {
  const values = { your_name: "Priya Sharma", "your_name.given": "Priya" };
  splitOldNames({ applications: [{ fields: values, recipients: [] }] }, ["your_name"]);
  assert.equal(values["your_name.check"], undefined);
  const out = migrate({ version: 1, applications: [{ fields: { your_name: "Priya Sharma" }, recipients: [] }] });
  assert.equal(out.applications[0].fields["your_name.given"], undefined);
});
