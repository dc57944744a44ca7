package com.ctera.benchmarks.codec;

import org.jspecify.annotations.Nullable;

import com.ctera.client.protocol.XmlObject;
import com.ctera.client.users.PortalUser;

/** Item mappers for the streaming page decode: the same per-attribute work the client's own mappers do. */
final class WireMappers {

    private WireMappers() {
    }

    /** A {@code PortalUser} object as the client's user record. */
    static PortalUser user(XmlObject object) {
        return new PortalUser(object.requireText("name"), object.text("email"), object.text("firstName"),
                object.text("lastName"), object.text("role"), object.text("company"), object.text("comment"),
                number(object.text("uid")), object.text("displayName"), object.text("domain"),
                object.text("requirePasswordChangeOn"));
    }

    /** A {@code ResourceInfo} object as a listed file or folder. */
    static ListedResource resource(XmlObject object) {
        XmlObject folder = object.object("cloudFolderInfo");
        return new ListedResource(object.requireText("href"), object.requireText("name"),
                number(object.text("fileId")), "true".equals(object.text("isFolder")),
                "true".equals(object.text("isDeleted")), number(object.text("size")), object.text("lastmodified"),
                (folder != null) ? number(folder.text("uid")) : null);
    }

    private static @Nullable Long number(@Nullable String text) {
        return (text == null || text.isEmpty()) ? null : Long.valueOf(text);
    }

    /** One entry of a folder listing, as a files API would return it. */
    record ListedResource(String href, String name, @Nullable Long fileId, boolean folder, boolean deleted,
            @Nullable Long size, @Nullable String lastModified, @Nullable Long cloudFolderUid) {
    }
}
