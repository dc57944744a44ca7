package com.ctera.client.files;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UploadFoldersTest {

    private final AtomicLong now = new AtomicLong();

    private final UploadFolders folders = new UploadFolders(this.now::get);

    @Test
    void keepsAWritableCloudFolderForItsTimeToLive() {
        PortalPath path = PortalPath.of("My Files/a");
        FileInfo folder = folder("My Files/a", "ReadWrite", 7L);
        this.folders.put(path, folder);
        this.now.addAndGet(UploadFolders.TIME_TO_LIVE.toNanos() - 1);
        assertThat(this.folders.get(path)).isEqualTo(folder);
        this.now.addAndGet(1);
        assertThat(this.folders.get(path)).isNull();
    }

    @Test
    void keepsNothingAnUploadCouldNotUse() {
        this.folders.put(PortalPath.of("My Files/ro"), folder("My Files/ro", "ReadOnly", 7L));
        this.folders.put(PortalPath.of("top"), folder("top", "ReadWrite", null));
        FileInfo file = new FileInfo("My Files/f", "f", null, false, false, 1, null, null, null, "ReadWrite",
                new CloudFolderInfo(7, null, null, false, null, null));
        this.folders.put(PortalPath.of("My Files/f"), file);
        assertThat(this.folders.get(PortalPath.of("My Files/ro"))).isNull();
        assertThat(this.folders.get(PortalPath.of("top"))).isNull();
        assertThat(this.folders.get(PortalPath.of("My Files/f"))).isNull();
    }

    @Test
    void forgetsOneOrAllAndDropsTheLeastRecentlyUsedBeyondItsCapacity() {
        for (int i = 0; i <= UploadFolders.CAPACITY; i++) {
            this.folders.put(PortalPath.of("My Files/" + i), folder("My Files/" + i, "ReadWrite", 7L));
            if (i == 0) {
                continue;
            }
            // Folder 0 stays in use, so folder 1 is the least recently used when the capacity is passed.
            assertThat(this.folders.get(PortalPath.of("My Files/0"))).isNotNull();
        }
        assertThat(this.folders.get(PortalPath.of("My Files/1"))).isNull();
        assertThat(this.folders.get(PortalPath.of("My Files/2"))).isNotNull();
        this.folders.forget(PortalPath.of("My Files/2"));
        assertThat(this.folders.get(PortalPath.of("My Files/2"))).isNull();
        assertThat(this.folders.get(PortalPath.of("My Files/3"))).isNotNull();
        this.folders.clear();
        assertThat(this.folders.get(PortalPath.of("My Files/3"))).isNull();
        assertThat(this.folders.get(PortalPath.of("My Files/0"))).isNull();
    }

    private static FileInfo folder(String path, String permission, Long uid) {
        return new FileInfo(path, path.substring(path.lastIndexOf('/') + 1), null, true, false, 0, null, null, null,
                permission, (uid != null) ? new CloudFolderInfo(uid, null, null, false, null, null) : null);
    }
}
