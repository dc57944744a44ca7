package com.ctera.client.observation;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.junit.jupiter.api.Test;

import com.ctera.client.CteraNotFoundException;
import com.ctera.client.CteraOperation;
import com.ctera.client.pipeline.CallContext;

import static org.assertj.core.api.Assertions.assertThat;

/** The convention's tags for every state of a call, including the ones it keeps between calls. */
class DefaultCteraObservationConventionTest {

    private static final CallContext GET = new CallContext("main", CteraOperation.USERS_GET);

    private final DefaultCteraObservationConvention convention = new DefaultCteraObservationConvention();

    @Test
    void aRunningCallIsTaggedUnknownWithNoStatus() {
        KeyValues tags = this.convention.getLowCardinalityKeyValues(new CteraRequestContext(GET));
        assertThat(tags).containsExactlyInAnyOrder(KeyValue.of("portal", "main"),
                KeyValue.of("operation", "users.get"), KeyValue.of("outcome", "UNKNOWN"), KeyValue.of("status", "none"),
                KeyValue.of("error.type", "none"));
    }

    @Test
    void everySuccessfulCallOfAnOperationGetsTheSameTagsAndOtherCallsTheirOwn() {
        KeyValues first = this.convention.getLowCardinalityKeyValues(succeeded(GET));
        assertThat(first).contains(KeyValue.of("outcome", "SUCCESS"), KeyValue.of("status", "200"),
                KeyValue.of("error.type", "none"), KeyValue.of("operation", "users.get"));
        assertThat(this.convention.getLowCardinalityKeyValues(succeeded(GET))).isSameAs(first);
        // Calls are found by the identity of their portal name first: an equal name that is another object is the
        // same portal.
        CallContext sameByValue = new CallContext(new String("main".toCharArray()), CteraOperation.USERS_GET);
        assertThat(this.convention.getLowCardinalityKeyValues(succeeded(sameByValue))).isSameAs(first);
        KeyValues otherPortal = this.convention
            .getLowCardinalityKeyValues(succeeded(new CallContext("backup", CteraOperation.USERS_GET)));
        assertThat(otherPortal).contains(KeyValue.of("portal", "backup")).doesNotContain(KeyValue.of("portal", "main"));
        KeyValues otherOperation = this.convention
            .getLowCardinalityKeyValues(succeeded(new CallContext("main", CteraOperation.USERS_QUERY)));
        assertThat(otherOperation).contains(KeyValue.of("operation", "users.query"));
    }

    @Test
    void aFailedCallAfterSuccessfulOnesIsTaggedWithItsFailure() {
        this.convention.getLowCardinalityKeyValues(succeeded(GET));
        CteraRequestContext failed = new CteraRequestContext(GET);
        failed.failed(new CteraNotFoundException("users.get", 404, "no user", null));
        assertThat(this.convention.getLowCardinalityKeyValues(failed)).contains(KeyValue.of("status", "404"),
                KeyValue.of("outcome", "CLIENT_ERROR"), KeyValue.of("error.type", "other"));
        // A call the caller cancelled is not a success either.
        CteraRequestContext cancelled = new CteraRequestContext(GET);
        cancelled.cancelledByCaller();
        assertThat(this.convention.getLowCardinalityKeyValues(cancelled)).contains(KeyValue.of("outcome", "UNKNOWN"));
    }

    @Test
    void oneCallIsNamedFromItsStartToItsStopWhicheverConventionsSawItBefore() {
        CteraRequestContext call = new CteraRequestContext(new CallContext("main", CteraOperation.USERS_QUERY));
        // Another instance names the call first: its answers are the same, and this one's are still its own.
        DefaultCteraObservationConvention other = new DefaultCteraObservationConvention();
        assertThat(other.getLowCardinalityKeyValues(call)).contains(KeyValue.of("outcome", "UNKNOWN"));
        KeyValues running = this.convention.getLowCardinalityKeyValues(call);
        assertThat(running).contains(KeyValue.of("operation", "users.query"), KeyValue.of("outcome", "UNKNOWN"));
        call.succeeded();
        assertThat(this.convention.getLowCardinalityKeyValues(call)).contains(KeyValue.of("operation", "users.query"),
                KeyValue.of("outcome", "SUCCESS"), KeyValue.of("status", "200"));
        assertThat(this.convention.getContextualName(call)).isEqualTo("ctera users.query");
        assertThat(other.getContextualName(call)).isEqualTo("ctera users.query");
        // A call of another operation that starts after it gets its own names.
        CteraRequestContext next = succeeded(GET);
        assertThat(this.convention.getLowCardinalityKeyValues(next)).contains(KeyValue.of("operation", "users.get"));
        assertThat(this.convention.getContextualName(next)).isEqualTo("ctera users.get");
        assertThat(this.convention.getLowCardinalityKeyValues(new CteraRequestContext(GET)))
            .isNotSameAs(running)
            .contains(KeyValue.of("operation", "users.get"));
    }

    @Test
    void aSubclassThatChangesOneKeyIsAskedOnEveryCall() {
        DefaultCteraObservationConvention renamed = new DefaultCteraObservationConvention() {

            private int calls;

            @Override
            protected KeyValue portal(CteraRequestContext context) {
                return KeyValue.of("portal", "call-" + (++this.calls));
            }
        };
        assertThat(renamed.getLowCardinalityKeyValues(succeeded(GET))).contains(KeyValue.of("portal", "call-1"));
        assertThat(renamed.getLowCardinalityKeyValues(succeeded(GET))).contains(KeyValue.of("portal", "call-2"));
    }

    @Test
    void theRetriesKeyCountsEveryRetry() {
        CteraRequestContext context = new CteraRequestContext(GET);
        for (int retries = 0; retries <= 12; retries++) {
            assertThat(this.convention.getHighCardinalityKeyValues(context))
                .containsExactly(KeyValue.of("ctera.retries", Integer.toString(retries)));
            context.retried();
        }
    }

    private static CteraRequestContext succeeded(CallContext call) {
        CteraRequestContext context = new CteraRequestContext(call);
        context.succeeded();
        return context;
    }
}
