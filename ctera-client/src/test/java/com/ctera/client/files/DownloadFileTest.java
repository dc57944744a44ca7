package com.ctera.client.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.buffer.NettyDataBuffer;
import org.springframework.core.io.buffer.NettyDataBufferFactory;

import static org.assertj.core.api.Assertions.assertThat;

class DownloadFileTest {

    private final NettyDataBufferFactory buffers = new NettyDataBufferFactory(new UnpooledByteBufAllocator(true));

    @Test
    void writesDirectBuffersReleasesThemAndStartsAgainEmpty(@TempDir Path temp) throws IOException {
        Path target = Files.createFile(temp.resolve("f.part"));
        try (DownloadFile file = DownloadFile.open(target)) {
            NettyDataBuffer first = buffer("first attempt, longer");
            assertThat(file.write(first)).isEqualTo(21);
            assertThat(first.getNativeBuffer().refCnt()).isZero();
            file.restart();
            assertThat(file.write(buffer("second"))).isEqualTo(6);
            file.finish();
        }
        assertThat(target).hasContent("second");
    }

    @Test
    void aBufferArrivingAfterTheCloseIsReleasedAndNotWritten(@TempDir Path temp) throws IOException {
        Path target = Files.createFile(temp.resolve("f.part"));
        DownloadFile file = DownloadFile.open(target);
        file.close();
        NettyDataBuffer late = buffer("late");
        assertThat(file.write(late)).isZero();
        assertThat(late.getNativeBuffer().refCnt()).isZero();
        assertThat(target).isEmptyFile();
    }

    private NettyDataBuffer buffer(String text) {
        ByteBuf direct = UnpooledByteBufAllocator.DEFAULT.directBuffer();
        direct.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
        return this.buffers.wrap(direct);
    }
}
