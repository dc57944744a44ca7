package com.ctera.client.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/** The observation the client makes of every portal call, and its key names. */
public enum CteraObservationDocumentation implements ObservationDocumentation {

    /** One logical portal call, all its attempts, logins and limiter waits included. */
    REQUESTS {
        @Override
        public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
            return DefaultCteraObservationConvention.class;
        }

        @Override
        public KeyName[] getLowCardinalityKeyNames() {
            return LowCardinalityKeys.values();
        }

        @Override
        public KeyName[] getHighCardinalityKeyNames() {
            return HighCardinalityKeys.values();
        }
    };

    /** Tags of the metrics and of the span: a small fixed set of values each. */
    public enum LowCardinalityKeys implements KeyName {

        /** The portal's configured name, such as {@code main}. */
        PORTAL {
            @Override
            public String asString() {
                return "portal";
            }
        },

        /** The logical operation, such as {@code users.query}; never a path, id or user name. */
        OPERATION {
            @Override
            public String asString() {
                return "operation";
            }
        },

        /** {@code SUCCESS}, {@code CLIENT_ERROR}, {@code SERVER_ERROR}, {@code REDIRECTION} or {@code UNKNOWN}. */
        OUTCOME {
            @Override
            public String asString() {
                return "outcome";
            }
        },

        /** The HTTP status of the final answer, or {@code none} when no answer arrived. */
        STATUS {
            @Override
            public String asString() {
                return "status";
            }
        },

        /**
         * {@code none}, {@code throttling}, {@code client_refused}, {@code server}, {@code client_timeout}, {@code io}
         * or {@code other}.
         */
        ERROR_TYPE {
            @Override
            public String asString() {
                return "error.type";
            }
        }
    }

    /** Span-only attributes: too many values to be tags. */
    public enum HighCardinalityKeys implements KeyName {

        /** How many times the call was repeated after its first attempt. */
        RETRIES {
            @Override
            public String asString() {
                return "ctera.retries";
            }
        }
    }
}
