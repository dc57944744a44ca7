package com.ctera.benchmarks.soak;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.util.List;

import com.ctera.client.CteraPortal;
import com.ctera.client.devices.DeviceQuery;
import com.ctera.client.logs.LogQuery;
import com.ctera.client.users.UserQuery;

/**
 * The soak's mix of calls, one of each area taken in turn: reads of users, devices, logs and statistics, a folder
 * listing, a download, an upload and a change-feed read. Uploads rotate over a few names, so the portal's state stays
 * about the same size however long the soak runs.
 */
final class SoakCalls {

    static final String FOLDER = "My Files/soak";

    private static final byte[] SMALL_FILE = new byte[16 * 1024];

    private static final int UPLOAD_NAMES = 8;

    /** One kind of call: the simulator operation its faults aim at, and the call for the {@code i}-th use. */
    record Call(String name, String target, IndexedCall call) {
    }

    /** A blocking call; it throws what the client throws. */
    @FunctionalInterface
    interface IndexedCall {
        void run(long index);
    }

    private SoakCalls() {
    }

    /** The mix for a tenant administrator and an end user who owns {@link #FOLDER} with {@code a.bin} in it. */
    static List<Call> mix(CteraPortal admin, CteraPortal user, String endUserName, long cloudFolderId) {
        return List.of(
                new Call("users.get", "users.get", i -> admin.users().get(endUserName)),
                new Call("users.page", "users.query", i -> admin.users().page(UserQuery.all(), 0)),
                new Call("devices.page", "devices.query", i -> admin.devices().page(DeviceQuery.all(), 0)),
                new Call("logs.page", "logs.query", i -> admin.logs().page(LogQuery.builder().pageSize(20).build(), 0)),
                new Call("statistics.cloudFolders", "statistics.cloudDrives", i -> admin.statistics().cloudFolders()),
                new Call("files.list", "files.fetchResources", i -> user.files().list(FOLDER).count()),
                new Call("files.download", "files.download",
                        i -> user.files().download(FOLDER + "/a.bin", OutputStream.nullOutputStream())),
                new Call("files.upload", "files.upload", i -> user.files().upload(
                        new ByteArrayInputStream(SMALL_FILE), FOLDER, "u" + (i % UPLOAD_NAMES) + ".bin")),
                new Call("notifications.list", "notifications.list",
                        i -> user.notifications().list(List.of(cloudFolderId), null, 10)));
    }
}
