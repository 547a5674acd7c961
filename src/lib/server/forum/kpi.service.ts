import type { App } from '../app.ts';
import { businessDate } from '../platform/clock.ts';
import { failure, ok, type Result } from '../platform/errors.ts';
import { canManageForum, type ForumActor } from './forum-access.ts';
import { forumErrors } from './forum.errors.ts';
import { listConsultationFactsBetween, listPostFactsBetween, listUrgentFactsBetween } from './forum.queries.ts';

export interface ForumKpiRow {
  /** 'YYYY-MM' for a month, 'FY2026' for the fiscal year. */
  period: string;
  posts: number;
  professionalAnswers: number;
  urgentPosts: number;
  urgentAnswered: number;
  /** Minutes from entering the urgent queue to the first professional reply (answered ones only). */
  medianMinutesToFirstReply: number | null;
  worstMinutesToFirstReply: number | null;
  escalations: number;
}

export interface ForumKpi {
  fiscalYear: number;
  months: ForumKpiRow[];
  total: ForumKpiRow;
}

function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : Math.round(((sorted[mid - 1] + sorted[mid]) / 2) * 10) / 10;
}

function row(period: string, posts: { professional: boolean }[], urgent: { minutes: number | null }[], escalations: number): ForumKpiRow {
  const answered = urgent.filter((u) => u.minutes !== null).map((u) => u.minutes as number);
  return {
    period,
    posts: posts.filter((p) => !p.professional).length,
    professionalAnswers: posts.filter((p) => p.professional).length,
    urgentPosts: urgent.length,
    urgentAnswered: answered.length,
    medianMinutesToFirstReply: median(answered),
    worstMinutesToFirstReply: answered.length ? Math.max(...answered) : null,
    escalations
  };
}

/**
 * The forum's figures for one fiscal year (April–March, Tokyo dates), per month and for the year:
 * posts by residents, answers by professionals (public and private), urgent posts with the time to
 * the first professional reply (median and worst), and escalations to a consultation request.
 */
export async function getForumKpi(app: App, actor: ForumActor, fiscalYear: number): Promise<Result<ForumKpi>> {
  if (!canManageForum(actor)) return failure(forumErrors.forbidden);
  if (!Number.isInteger(fiscalYear) || fiscalYear < 2000 || fiscalYear > 2100) return failure(forumErrors.notFound);
  const from = new Date(`${fiscalYear}-04-01T00:00:00+09:00`);
  const to = new Date(`${fiscalYear + 1}-04-01T00:00:00+09:00`);
  const db = app.database.db;
  const [posts, urgent, consultations] = await Promise.all([
    listPostFactsBetween(db, actor.municipalityId, from, to),
    listUrgentFactsBetween(db, actor.municipalityId, from, to),
    listConsultationFactsBetween(db, actor.municipalityId, from, to)
  ]);
  const monthOf = (at: Date) => businessDate(at).slice(0, 7);
  const postFacts = posts.map((p) => ({ month: monthOf(p.created_at), professional: Boolean(p.professional_role) }));
  const urgentFacts = urgent.map((u) => ({
    month: monthOf(u.urgent_since as Date),
    minutes: u.first_professional_reply_at ? Math.round((u.first_professional_reply_at.getTime() - (u.urgent_since as Date).getTime()) / 60_000) : null
  }));
  const consultationMonths = consultations.map((c) => monthOf(c.created_at));
  const months: ForumKpiRow[] = [];
  for (let i = 0; i < 12; i++) {
    const month = `${fiscalYear + (i >= 9 ? 1 : 0)}-${String(((i + 3) % 12) + 1).padStart(2, '0')}`;
    months.push(
      row(
        month,
        postFacts.filter((p) => p.month === month),
        urgentFacts.filter((u) => u.month === month),
        consultationMonths.filter((c) => c === month).length
      )
    );
  }
  return ok({ fiscalYear, months, total: row(`FY${fiscalYear}`, postFacts, urgentFacts, consultationMonths.length) });
}
