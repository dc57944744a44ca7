package com.ctera.client.transport;

import java.time.Duration;

import com.ctera.client.protocol.Paging;
import com.ctera.client.protocol.XmlCodec;

/**
 * What one API call may cost: the size of an answer, the length of one text or attribute value in it, the time of
 * one attempt, and the items of one listing. A hostile or broken portal then ends a call with an exception instead
 * of exhausting the heap or holding the caller for good. File transfers are not API calls: none of these bound them.
 * @param maxAnswerSize the most bytes one answer may have
 * @param maxTextLength the most characters of one text or attribute value of an XML answer
 * @param attemptTimeout the longest one attempt of an API call may take, from sending to the end of the answer
 * @param maxListItems the most items a paged listing delivers before it fails
 */
public record CallLimits(long maxAnswerSize, int maxTextLength, Duration attemptTimeout, long maxListItems) {

    /** The defaults: 64 MiB answers, 8 MiB values, 60 s attempts, 10,000,000 listed items. */
    public static final CallLimits DEFAULTS = new CallLimits(64L * 1024 * 1024, XmlCodec.DEFAULT_MAX_TEXT_LENGTH,
            Duration.ofSeconds(60), Paging.DEFAULT_MAX_ITEMS);

    /** Validates every limit. */
    public CallLimits {
        if (maxAnswerSize < 1) {
            throw new IllegalArgumentException("maxAnswerSize must be positive, was " + maxAnswerSize);
        }
        if (maxTextLength < 1) {
            throw new IllegalArgumentException("maxTextLength must be positive, was " + maxTextLength);
        }
        if (attemptTimeout.isNegative() || attemptTimeout.isZero()) {
            throw new IllegalArgumentException("attemptTimeout must be positive, was " + attemptTimeout);
        }
        if (maxListItems < 1) {
            throw new IllegalArgumentException("maxListItems must be positive, was " + maxListItems);
        }
    }
}
