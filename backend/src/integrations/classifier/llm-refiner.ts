import type { ErrorClassification } from '@switchyard/contracts';
import { FAILURE_CATEGORIES, FAILURE_ORIGINS, FAILURE_SEVERITIES } from '@switchyard/contracts';
import { z } from 'zod';
import { redactPayload, sensitiveFieldSet } from '../intake/redact-pii';
import type { FailureInput } from './classify';

export interface LlmSettings {
  /** Base URL of an OpenAI-compatible API, e.g. https://api.openai.com/v1. */
  url: string;
  model: string;
  apiKey: string | null;
  timeoutMs: number;
}

/** The blueprint's system prompt, with the answer format pinned down. */
export const SYSTEM_PROMPT = `You are an integration support engineer for a construction contractor software platform.
Your job is to analyze integration failures and provide actionable insights.
The platform integrates with:
- Procore (project management - jobs, cost codes, daily logs)
- Gusto (payroll - employee data, timecards, payroll runs)
- QuickBooks (accounting - job costs, invoices, GL entries)
- Stripe Issuing (payments - virtual cards for field purchases)
- Certified Payroll systems (compliance - LCPtracker, WH-347, prevailing wage)
When analyzing errors, consider common failure patterns for each integration, the impact on construction workflows,
urgency based on payroll deadlines, job schedules or compliance requirements, and specific, actionable fixes.
Answer with one JSON object only, with the keys: category (${FAILURE_CATEGORIES.join(', ')}),
severity (${FAILURE_SEVERITIES.join(', ')}), cause, suggestedFix, businessImpact, affectedData (array of strings),
retryable (boolean), origin (${FAILURE_ORIGINS.join(', ')}).`;

const answerSchema = z.object({
  category: z.enum(FAILURE_CATEGORIES),
  severity: z.enum(FAILURE_SEVERITIES),
  cause: z.string().min(1).max(2000),
  suggestedFix: z.string().min(1).max(2000),
  businessImpact: z.string().min(1).max(2000),
  affectedData: z.array(z.string().max(200)).max(20).optional(),
  retryable: z.boolean().optional(),
  origin: z.enum(FAILURE_ORIGINS).optional(),
});

/** The user message: the failure and the rules' first opinion, redacted once more for safety. */
export function buildUserMessage(input: FailureInput, rules: ErrorClassification): string {
  const failure = redactPayload(
    {
      integration: input.integration,
      eventType: input.eventType,
      error: { message: input.message, code: input.code, httpStatus: input.httpStatus },
      data: input.data ?? {},
      rulesSuggestion: { category: rules.category, severity: rules.severity },
    },
    sensitiveFieldSet([]),
  );
  return JSON.stringify(failure);
}

/** Reads the model's answer onto the rules' classification; null when it is unusable. */
export function mergeLlmAnswer(content: string, rules: ErrorClassification): ErrorClassification | null {
  const json = content.replace(/^```(?:json)?\s*|\s*```$/g, '');
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return null;
  }
  const parsed = answerSchema.safeParse(raw);
  if (!parsed.success) return null;
  const answer = parsed.data;
  return {
    ...rules,
    category: answer.category,
    severity: answer.severity,
    cause: answer.cause,
    suggestedFix: answer.suggestedFix,
    businessImpact: answer.businessImpact,
    affectedData: answer.affectedData ?? rules.affectedData,
    retryable: answer.retryable ?? rules.retryable,
    origin: answer.origin ?? rules.origin,
    classifiedBy: 'llm',
  };
}

/** Asks the model once; throws on any transport, status or timeout problem. */
export async function askModel(settings: LlmSettings, userMessage: string): Promise<string> {
  const response = await fetch(`${settings.url.replace(/\/$/, '')}/chat/completions`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(settings.apiKey ? { authorization: `Bearer ${settings.apiKey}` } : {}),
    },
    body: JSON.stringify({
      model: settings.model,
      temperature: 0,
      response_format: { type: 'json_object' },
      messages: [
        { role: 'system', content: SYSTEM_PROMPT },
        { role: 'user', content: userMessage },
      ],
    }),
    signal: AbortSignal.timeout(settings.timeoutMs),
  });
  if (!response.ok) {
    await response.body?.cancel();
    throw new Error(`model answered HTTP ${response.status}`);
  }
  const body = (await response.json()) as { choices?: Array<{ message?: { content?: unknown } }> };
  const content = body.choices?.[0]?.message?.content;
  if (typeof content !== 'string') throw new Error('model answer has no message content');
  return content;
}
