/**
 * Analytics on what the portal returns: user activity, storage trends and forecasts, the security audit with its
 * evidence, compliance checks, usage snapshots and their stores, and the report builder with its exports.
 */
@NullMarked
package com.ctera.client.analytics;

import org.jspecify.annotations.NullMarked;
