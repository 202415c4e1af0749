// Unit tests of sms.js: the number in an sms: link, the link's encoding and the count under a text card.
import assert from "node:assert/strict";
import { test } from "node:test";
import { smsNote, smsNumber, smsUrl } from "../../docs/assets/guide/sms.js";

const ui = {
  sms_count: "{count} of {limit} characters in one text",
  sms_outside: " ({character} allows 70 only)",
  over_limit: ": {over} over the limit",
};

test("a number keeps its leading plus and digits only", () => {
  assert.equal(smsNumber("+44 20 7946-0958"), "+442079460958");
  assert.equal(smsNumber("020 (7946) 0958 ext+1"), "020794609581");
  assert.equal(smsNumber(undefined), "");
  assert.equal(smsNumber("?body=x&to=y"), "");
});

test("the link encodes the text so nothing in it can add a parameter", () => {
  assert.equal(smsUrl("+44 1", "Hi Anna,\nA & B? 100%"), "sms:+441?body=Hi%20Anna%2C%0AA%20%26%20B%3F%20100%25");
  assert.equal(smsUrl("", "Hi"), "sms:?body=Hi");
});

test("the count is GSM-7 out of 160 until a curly apostrophe makes it 70", () => {
  assert.deepEqual(smsNote("It's fine.", ui), { text: "10 of 160 characters in one text", over: false });
  assert.deepEqual(smsNote("It’s fine.", ui), { text: "10 of 70 characters in one text (’ allows 70 only)", over: false });
  const long = smsNote("’" + "a".repeat(70), ui);
  assert.equal(long.over, true);
  assert.match(long.text, /: 1 over the limit$/);
  assert.equal(smsNote("[x]", ui).text, "5 of 160 characters in one text");
});
