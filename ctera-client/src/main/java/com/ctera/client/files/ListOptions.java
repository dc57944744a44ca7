package com.ctera.client.files;

/**
 * How to list a folder.
 * @param includeDeleted also list items in the recycle bin
 * @param pageSize items per {@code fetchResources} page (the SDK's is 100)
 */
public record ListOptions(boolean includeDeleted, int pageSize) {

    /** The SDK's page size. */
    public static final int DEFAULT_PAGE_SIZE = 100;

    public ListOptions {
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be positive, was " + pageSize);
        }
    }

    /** Live items only, 100 per page. */
    public static ListOptions defaults() {
        return new ListOptions(false, DEFAULT_PAGE_SIZE);
    }

    /** Live and deleted items, 100 per page. */
    public static ListOptions withDeleted() {
        return new ListOptions(true, DEFAULT_PAGE_SIZE);
    }
}
