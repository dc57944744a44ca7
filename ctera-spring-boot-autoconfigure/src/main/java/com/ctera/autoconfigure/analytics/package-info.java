/**
 * Auto-configuration of the CTERA starter: analytics per portal, usage snapshots on a schedule, storage and activity
 * gauges.
 */
@NullMarked
package com.ctera.autoconfigure.analytics;

import org.jspecify.annotations.NullMarked;
