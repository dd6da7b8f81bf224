import { accessTokenProtected } from './access-token';
import { protocolError, type ProtocolFailure, type ProtocolResponse } from './protocol-response';

/** Notification events a wallet may send (§11.1). */
export const NOTIFICATION_EVENTS = ['credential_accepted', 'credential_failure', 'credential_deleted'] as const;
export type NotificationEventName = (typeof NOTIFICATION_EVENTS)[number];

/** A notification from a holder of a valid access token. */
export interface NotificationReceived {
  ok: true;
  offerId: string;
  notificationId: string;
  event: NotificationEventName;
  eventDescription?: string;
}

// Printable ASCII without `"` and `\` (§11.1 event_description).
const ASCII_DESCRIPTION = /^[\x20-\x21\x23-\x5B\x5D-\x7E]*$/;

/**
 * Notification endpoint, request side (§11). The library only offers the wallet side of notifications, so the
 * three members are checked here; unknown members are ignored as §11.1 requires. The caller checks that
 * `notificationId` belongs to `offerId` (else `protocolError('invalid_notification_id')`), records the event
 * idempotently and answers {@link notificationAccepted}.
 */
export const handleNotificationRequest = accessTokenProtected(
  'read-as-empty',
  async (_protocol, { offerId, body }): Promise<NotificationReceived | ProtocolFailure> => {
    const { notification_id: notificationId, event, event_description: eventDescription } = body;
    if (typeof notificationId !== 'string' || notificationId === '') {
      return protocolError('invalid_notification_request', 'notification_id is required');
    }
    if (!NOTIFICATION_EVENTS.includes(event as NotificationEventName)) {
      return protocolError('invalid_notification_request', `event must be one of ${NOTIFICATION_EVENTS.join(', ')}`);
    }
    if (eventDescription !== undefined && (typeof eventDescription !== 'string' || !ASCII_DESCRIPTION.test(eventDescription))) {
      return protocolError('invalid_notification_request', 'event_description must be printable ASCII');
    }
    return {
      ok: true,
      offerId,
      notificationId,
      event: event as NotificationEventName,
      ...(eventDescription !== undefined ? { eventDescription } : {}),
    };
  },
);

/** The recommended success answer: 204 No Content (§11.2). */
export function notificationAccepted(): ProtocolResponse<null> {
  return { status: 204, headers: {}, body: null };
}
