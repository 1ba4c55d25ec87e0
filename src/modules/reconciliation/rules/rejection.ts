/** Why a webhook delivery is refused: the reasons webhook_rejections takes (migration 0016's CHECK). */
export type RejectionReason = 'bad_signature' | 'missing_signature' | 'stale_timestamp' | 'replayed' | 'malformed' | 'unknown_recipient';

/** A refused delivery: logged (without its payload) and answered with the reason. */
export class WebhookRejection extends Error {
  readonly reason: RejectionReason;
  constructor(reason: RejectionReason) {
    super(reason);
    this.reason = reason;
  }
}
