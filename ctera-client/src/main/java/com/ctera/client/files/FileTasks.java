package com.ctera.client.files;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import com.ctera.client.CteraOperation;
import com.ctera.client.CteraProtocolException;
import com.ctera.client.PortalContext;
import com.ctera.client.protocol.MalformedXmlException;
import com.ctera.client.protocol.TaskRef;
import com.ctera.client.protocol.XmlList;
import com.ctera.client.protocol.XmlObject;
import com.ctera.client.protocol.XmlValue;
import com.ctera.client.session.PortalCalls;
import com.ctera.client.tasks.PendingTask;

/** The background file operations (delete, restore, copy, move, rename, protocol §5.4.7), each a portal task. */
final class FileTasks {

    private final PortalCalls calls;

    private final PortalContext context;

    private final UploadFolders uploadFolders;

    FileTasks(PortalCalls calls, UploadFolders uploadFolders) {
        this.calls = calls;
        this.context = calls.endpoint().context();
        this.uploadFolders = uploadFolders;
    }

    Mono<PendingTask> delete(List<String> paths) {
        return action(CteraOperation.FILES_DELETE, "deleteResources", pairs(paths, null), paths);
    }

    Mono<PendingTask> restore(List<String> paths) {
        return action(CteraOperation.FILES_RESTORE, "restoreResources", pairs(paths, null), paths);
    }

    Mono<PendingTask> copy(List<String> paths, String destinationFolder) {
        return action(CteraOperation.FILES_COPY, "copyResources", pairs(paths, PortalPath.of(destinationFolder)),
                paths);
    }

    Mono<PendingTask> move(List<String> paths, String destinationFolder) {
        return action(CteraOperation.FILES_MOVE, "moveResources", pairs(paths, PortalPath.of(destinationFolder)),
                paths);
    }

    Mono<PendingTask> rename(String path, String newName) {
        FileNames.requireValid(newName);
        PortalPath source = PortalPath.of(path);
        PortalPath target = source.parent().child(newName);
        return action(CteraOperation.FILES_MOVE, "moveResources", List.of(new XmlPair(source, target)),
                List.of(source.relative(), target.relative()));
    }

    private Mono<PendingTask> action(CteraOperation operation, String name, List<XmlPair> pairs,
            List<String> subjects) {
        if (pairs.isEmpty()) {
            return Mono.error(new IllegalArgumentException(operation.name() + " needs at least one path"));
        }
        List<XmlValue> urls = new ArrayList<>();
        for (XmlPair pair : pairs) {
            urls.add(XmlObject.builder("SrcDstParam")
                    .put("src", pair.source().href(this.context))
                    .put("dest", (pair.destination() != null) ? pair.destination().href(this.context) : null)
                    .build());
        }
        XmlObject param = XmlObject.builder("ActionResourcesParam")
                .put("urls", new XmlList(urls))
                .putNull("startFrom")
                .build();
        List<String> named = subjects.stream().map(subject -> PortalPath.of(subject).relative()).toList();
        if (operation != CteraOperation.FILES_COPY) {
            // Deleting, moving or renaming may take away a folder this client would upload into.
            this.uploadFolders.clear();
        }
        return this.calls.execute(operation, name, param).map(answer -> {
            String text = FileMapper.textOf(answer);
            try {
                if (text == null) {
                    throw new MalformedXmlException("expected a task reference <val>, found another answer");
                }
                return new PendingTask(TaskRef.parse(text), operation.name(), named);
            }
            catch (MalformedXmlException ex) {
                throw new CteraProtocolException(operation.name(), 200, operation.name() + " on " + named
                        + " failed: " + ex.getMessage(), ex);
            }
        });
    }

    private static List<XmlPair> pairs(List<String> paths, @Nullable PortalPath destinationFolder) {
        List<XmlPair> pairs = new ArrayList<>(paths.size());
        for (String path : paths) {
            PortalPath source = PortalPath.of(path);
            pairs.add(new XmlPair(source, (destinationFolder != null) ? destinationFolder.child(source.name()) : null));
        }
        return pairs;
    }

    /** A source and its destination (null for delete and restore). */
    private record XmlPair(PortalPath source, @Nullable PortalPath destination) {
    }
}
