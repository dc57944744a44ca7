package com.ctera.client.webhooks;

/**
 * One webhook message as delivered.
 * @param id the {@code webhook-id}, stable across attempts and re-reads of the feed
 * @param type the event type, such as {@code file.created}
 * @param body the JSON body, frozen when the event was committed
 * @param attempt which attempt this is, from 1
 */
public record WebhookMessage(String id, String type, String body, int attempt) {
}
