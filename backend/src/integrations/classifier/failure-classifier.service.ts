import { Injectable, Logger } from '@nestjs/common';
import type { ErrorClassification } from '@switchyard/contracts';
import { Clock } from '../../common';
import { AppConfig } from '../../config';
import { classifyByRules, type FailureInput } from './classify';
import { askModel, buildUserMessage, mergeLlmAnswer, type LlmSettings } from './llm-refiner';

const CACHE_LIMIT = 1000;

/**
 * Rules first, always. When a model is configured, its refinement replaces the rules'
 * wording (and may change the category); any failure of the model, or an answer that
 * does not parse, keeps the rules' result. Answers are cached by error signature.
 */
@Injectable()
export class FailureClassifierService {
  private readonly logger = new Logger(FailureClassifierService.name);
  private readonly llm: LlmSettings | null;
  private readonly cache = new Map<string, ErrorClassification>();

  constructor(
    config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.llm = config.integrations.llm;
  }

  async classify(input: FailureInput): Promise<ErrorClassification> {
    const rules = classifyByRules(input, this.clock.now());
    if (!this.llm) return rules;
    const key = `${input.integration}|${input.eventType}|${rules.category}|${rules.severity}|${rules.signature}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const refined = await this.refine(this.llm, input, rules);
    // Only answers are cached: after an outage the model is asked again.
    if (!refined) return rules;
    if (this.cache.size >= CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(key, refined);
    return refined;
  }

  private async refine(
    settings: LlmSettings,
    input: FailureInput,
    rules: ErrorClassification,
  ): Promise<ErrorClassification | null> {
    try {
      const merged = mergeLlmAnswer(await askModel(settings, buildUserMessage(input, rules)), rules);
      if (!merged) this.logger.warn({ integration: input.integration }, 'model answer unusable; kept the rules');
      return merged;
    } catch (error) {
      this.logger.warn(
        { integration: input.integration, reason: error instanceof Error ? error.message : String(error) },
        'model refinement failed; kept the rules',
      );
      return null;
    }
  }
}
