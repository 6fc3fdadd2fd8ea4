/**
 * Requirements: answers that rule roles out rather than weigh them (a pay floor, the most
 * preparation someone will do, "no phones", "no managing people"). Each is checked against the
 * role's own data; a role that fails one is ranked after every role that meets them all, and the
 * result says what it failed and by how much. A role without the figure a check needs is not
 * ruled out (there is nothing to hold against it), except for a pay floor: pay we cannot show
 * cannot be said to meet it.
 */
import type { Role } from '../model/schema.js';
import type { Quiz, Requirement } from '../model/quiz-schema.js';
import { headlineSalary } from '../model/catalog.js';
import { money } from '../text.js';
import { degreeShare, fixed, titlesMatching } from './quiz-readers.js';
import { pickedChoices, type Answers } from './quiz-answers.js';

/** One requirement an answer states. */
export interface StatedRequirement {
  questionId: string;
  /** The choice's label, e.g. "$70,000 or more". */
  answer: string;
  /** What it asks of a role, e.g. "median pay of at least $70,000". */
  text: string;
  requires: Requirement;
}

/** A requirement a role fails, and why in its data. */
export interface Unmet {
  questionId: string;
  requirement: string;
  reason: string;
}

/** What a requirement asks, in words. */
export function requirementText(quiz: Quiz, r: Requirement): string {
  const parts: string[] = [];
  if (r.minSalary !== undefined) parts.push(`median pay of at least ${money(r.minSalary)}`);
  if (r.maxJobZone !== undefined) parts.push(`O*NET job zone ${r.maxJobZone} of 5 or less`);
  for (const [name, max] of Object.entries(r.maxSkills ?? {}))
    parts.push(`O*NET ${name} skill under ${fixed(max)} of 5`);
  for (const [name, max] of Object.entries(r.maxTitles ?? {}))
    parts.push(
      `under ${Math.round(max * 100)}% of its O*NET job titles in ${quiz.titles[name]?.label ?? name}`,
    );
  if (r.maxDegreeShare !== undefined)
    parts.push(`under ${r.maxDegreeShare}% of workers saying it needs a bachelor's degree`);
  return parts.join('; ');
}

/** The requirements the answers state, in question order. */
export function statedRequirements(quiz: Quiz, answers: Answers): StatedRequirement[] {
  const out: StatedRequirement[] = [];
  for (const q of quiz.questions) {
    for (const c of pickedChoices(q, answers[q.id] ?? null)) {
      if (c.requires)
        out.push({
          questionId: q.id,
          answer: c.label,
          text: requirementText(quiz, c.requires),
          requires: c.requires,
        });
    }
  }
  return out;
}

/** Why a role fails one requirement, or undefined when it meets it. */
function failure(quiz: Quiz, role: Role, r: Requirement): string | undefined {
  const reasons: string[] = [];
  if (r.minSalary !== undefined) {
    const salary = headlineSalary(role);
    if (salary?.median === undefined) reasons.push('no median pay figure to check');
    else if (salary.median < r.minSalary)
      reasons.push(
        `BLS median pay ${money(salary.median)} (${salary.period}) is under ${money(r.minSalary)}`,
      );
  }
  if (r.maxJobZone !== undefined && role.jobZone && role.jobZone.level > r.maxJobZone)
    reasons.push(`O*NET job zone ${role.jobZone.level} of 5 is above ${r.maxJobZone}`);
  for (const [name, max] of Object.entries(r.maxSkills ?? {})) {
    const imp = role.skills.find((s) => s.name === name)?.importance;
    if (imp !== undefined && imp >= max)
      reasons.push(`O*NET rates its ${name} skill ${fixed(imp)} of 5`);
  }
  for (const [name, max] of Object.entries(r.maxTitles ?? {})) {
    const group = quiz.titles[name];
    if (!group || role.onetTitles.length === 0) continue;
    const hits = titlesMatching(role, group.keywords);
    if (hits.length / role.onetTitles.length >= max)
      reasons.push(
        `${hits.length} of its ${role.onetTitles.length} O*NET job titles are ${group.label} (e.g. ${hits[0] ?? ''})`,
      );
  }
  if (r.maxDegreeShare !== undefined) {
    const share = degreeShare(role);
    if (share !== undefined && share >= r.maxDegreeShare)
      reasons.push(`${Math.round(share)}% of O*NET respondents say it needs a bachelor's or more`);
  }
  return reasons.length > 0 ? reasons.join('; ') : undefined;
}

/** Every stated requirement the role fails. */
export function unmetBy(quiz: Quiz, role: Role, stated: StatedRequirement[]): Unmet[] {
  const out: Unmet[] = [];
  for (const s of stated) {
    const reason = failure(quiz, role, s.requires);
    if (reason) out.push({ questionId: s.questionId, requirement: s.answer, reason });
  }
  return out;
}
