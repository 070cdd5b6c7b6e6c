import { z } from "zod";
import { ZContactUpsert, ZEmail, ZSurveyCreate, ZTouchpointCreate } from "./api";
import { ZId } from "./fields";

// The account page's forms post FormData. Each schema turns the form's strings into the API's
// shape (checkboxes, numbers, multi-selects, empty fields) and then validates with the API's
// own schema, so the UI and the REST API enforce the same rules.

type Raw = Record<string, unknown>;

const blankToUndefined = (raw: Raw) => Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== ""));
const checked = (v: unknown) => v === "on" || v === "true";
const asList = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const ZAccountRef = z.object({ accountId: ZId });

export const ZTouchpointForm = z.preprocess((raw) => {
  const r = blankToUndefined(raw as Raw);
  return { ...r, contactEmails: asList(r.contactEmails), attended: "attended" in r ? checked(r.attended) : undefined };
}, ZAccountRef.and(ZTouchpointCreate));

export const ZContactForm = z.preprocess(
  (raw) => {
    const r = blankToUndefined(raw as Raw);
    return {
      ...r,
      execSponsor: checked(r.execSponsor),
      champion: checked(r.champion),
      decisionMaker: checked(r.decisionMaker),
      referenceWilling: checked(r.referenceWilling),
    };
  },
  ZAccountRef.and(ZContactUpsert).and(z.object({ email: ZEmail })),
);

export const ZSurveyForm = z.preprocess((raw) => {
  const r = blankToUndefined(raw as Raw);
  return { ...r, score: r.score === undefined ? undefined : Number(r.score) };
}, ZAccountRef.and(ZSurveyCreate));
