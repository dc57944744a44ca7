package com.ctera.client.resilience;

import org.jspecify.annotations.Nullable;

import com.ctera.client.CteraClientRefusal;
import com.ctera.client.CteraException;

/** The portal's circuit breaker is open: the call was refused without being sent. Not retryable. */
public class CteraCircuitOpenException extends CteraException implements CteraClientRefusal {

    public CteraCircuitOpenException(String operation, String message, @Nullable Throwable cause) {
        super(operation, 0, message, cause);
    }
}
