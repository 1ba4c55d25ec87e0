// Outgoing notifications (thông báo): the outbox sender, e-mail through SMTP, SMS through a brandname gateway.
// See docs/notifications.md.
export { type MailAttachment, type Mailer, smtpMailer } from './email.ts';
export { type QueuedNotice, queueNotification } from './queue.ts';
export {
  BACKOFF_MINUTES,
  CLAIM_LEASE_MINUTES,
  MAX_ATTEMPTS,
  maskOldFailedRecipients,
  maskRecipient,
  type NotifyChannel,
  type NotifyDeps,
  notificationChannelStatus,
  notificationJobDefinitions,
  SEND_JOB,
  type SendOptions,
  type SendResult,
  sendPendingNotifications,
} from './send-pending.ts';
export { esmsSender, SmsError, type SmsSender } from './sms.ts';
