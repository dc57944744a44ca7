package com.ctera.client.observation;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import com.ctera.client.CteraOperation;
import com.ctera.client.CteraServerException;
import com.ctera.client.pipeline.CallContext;

import static org.assertj.core.api.Assertions.assertThat;

/** The retries summary: one per portal, operation and outcome, each call recorded in its own. */
class MicrometerCallMetricsTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private final MicrometerCallMetrics metrics = new MicrometerCallMetrics(this.meters);

    @Test
    void everyCallIsRecordedUnderItsPortalOperationAndOutcome() {
        CallContext get = new CallContext("main", CteraOperation.USERS_GET);
        this.metrics.completed(succeeded(get, 0));
        this.metrics.completed(succeeded(get, 2));
        CteraRequestContext failed = new CteraRequestContext(get);
        failed.retried();
        failed.failed(new CteraServerException("users.get", 500, "down", null));
        this.metrics.completed(failed);
        this.metrics.completed(succeeded(new CallContext("backup", CteraOperation.USERS_GET), 1));
        this.metrics.completed(succeeded(new CallContext("main", CteraOperation.USERS_QUERY), 0));
        // An equal portal name that is another object (summaries are found by identity first) counts as the same.
        this.metrics.completed(succeeded(new CallContext(new String("main".toCharArray()), CteraOperation.USERS_GET), 0));

        DistributionSummary mainGets = summary("main", "users.get", "SUCCESS");
        assertThat(mainGets.count()).isEqualTo(3);
        assertThat(mainGets.totalAmount()).isEqualTo(2.0);
        DistributionSummary mainFailures = summary("main", "users.get", "SERVER_ERROR");
        assertThat(mainFailures.count()).isEqualTo(1);
        assertThat(mainFailures.totalAmount()).isEqualTo(1.0);
        assertThat(summary("backup", "users.get", "SUCCESS").totalAmount()).isEqualTo(1.0);
        assertThat(summary("main", "users.query", "SUCCESS").count()).isEqualTo(1);
        assertThat(this.meters.find(MicrometerCallMetrics.RETRIES).summaries()).hasSize(4);
    }

    private DistributionSummary summary(String portal, String operation, String outcome) {
        return this.meters.get(MicrometerCallMetrics.RETRIES)
            .tags("portal", portal, "operation", operation, "outcome", outcome)
            .summary();
    }

    private static CteraRequestContext succeeded(CallContext call, int retries) {
        CteraRequestContext context = new CteraRequestContext(call);
        for (int i = 0; i < retries; i++) {
            context.retried();
        }
        context.succeeded();
        return context;
    }
}
