/**
 * Reports over any source of rows (users, devices, cloud folders, logs, usage snapshots, analytics results): filters,
 * aggregations with group-by, sort and limit, exported as CSV, JSON, YAML or a self-contained HTML page with a chart.
 */
@NullMarked
package com.ctera.client.analytics.report;

import org.jspecify.annotations.NullMarked;
