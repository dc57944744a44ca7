package com.ctera.client.files;

/**
 * Watches one upload or download, following the contract of the AWS SDK's {@code TransferListener}: methods are
 * called on the thread that moves the bytes, so they must return quickly and never block; a listener that throws
 * is logged once and then ignored, and never fails the transfer.
 */
public interface TransferListener {

    /** A listener that ignores everything. */
    TransferListener NONE = new TransferListener() {
    };

    /** The transfer is about to start; nothing has moved yet. */
    default void transferInitiated(TransferProgress progress) {
    }

    /** More bytes have moved; called once per buffer, so often. */
    default void bytesTransferred(TransferProgress progress) {
    }

    /** Every byte has moved and the portal accepted the transfer. */
    default void transferComplete(TransferProgress progress) {
    }

    /** The transfer failed; {@code progress} says how far it got. */
    default void transferFailed(TransferProgress progress, Throwable error) {
    }
}
