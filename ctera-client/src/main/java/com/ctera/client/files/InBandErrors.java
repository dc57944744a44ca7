package com.ctera.client.files;

import java.util.Locale;

import com.ctera.client.CteraAccessDeniedException;
import com.ctera.client.CteraClientErrorException;
import com.ctera.client.CteraConflictException;
import com.ctera.client.CteraException;
import com.ctera.client.CteraNotFoundException;
import com.ctera.client.CteraQuotaException;
import com.ctera.client.CteraServerException;

/**
 * The portal's in-band error codes of protocol §3.2 (HTTP 200 with an error inside), turned into typed exceptions
 * that name the operation and the path.
 */
final class InBandErrors {

    /** The HTTP status of an in-band error: the portal answered 200. */
    private static final int OK = 200;

    private InBandErrors() {
    }

    /** A {@code ResourceError} code, as {@code fetchResources} and {@code makeCollection} answer. */
    static CteraException resourceError(String operation, String code, String path) {
        String prefix = operation + " failed on '" + path + "': ";
        return switch (code) {
            case "DestinationNotExists" -> new CteraNotFoundException(operation, OK, prefix
                    + "the folder does not exist (DestinationNotExists)", null);
            case "FileWithTheSameNameExist" -> new CteraConflictException(operation, OK, prefix
                    + "an item with this name already exists (FileWithTheSameNameExist)", null);
            case "PermissionDenied" -> new CteraAccessDeniedException(operation, OK, prefix
                    + "permission denied (PermissionDenied)", null);
            case "ReservedName" -> new CteraClientErrorException(operation, OK, prefix
                    + "the name is reserved by the portal (ReservedName)", null);
            case "InvalidName" -> new CteraClientErrorException(operation, OK, prefix
                    + "the name is not allowed (InvalidName); names cannot contain \\ / : ? & < > \" |", null);
            default -> new CteraServerException(operation, OK, prefix + "the portal reported '" + code + "'", null);
        };
    }

    /** The {@code msg} of an upload answer whose {@code rc} is not 0. */
    static CteraException uploadError(String operation, String message, String path) {
        String prefix = operation + " failed on '" + path + "': ";
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("out of quota")) {
            return new CteraQuotaException(operation, OK, prefix + message, null);
        }
        if (lower.startsWith("rejected by cloud drive policy")) {
            return new CteraClientErrorException(operation, OK, prefix + message, null);
        }
        if (lower.contains("illegal access to ntacl")) {
            return new CteraAccessDeniedException(operation, OK, prefix + message, null);
        }
        return new CteraServerException(operation, OK, prefix + message, null);
    }

    /** No item at the path (a {@code fetchResources} stat whose {@code root} is null). */
    static CteraNotFoundException notFound(String operation, String path) {
        return new CteraNotFoundException(operation, OK, operation + " failed: no file or folder at '" + path + "'",
                null);
    }

    /** The path names a file where a folder is needed. */
    static CteraClientErrorException notAFolder(String operation, String path) {
        return new CteraClientErrorException(operation, OK, operation + " failed: '" + path
                + "' is a file, not a folder", null);
    }

    /** The path names a folder where a file is needed. */
    static CteraClientErrorException notAFile(String operation, String path) {
        return new CteraClientErrorException(operation, OK, operation + " failed: '" + path
                + "' is a folder; download folders with downloadZip", null);
    }
}
