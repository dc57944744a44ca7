package com.ctera.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;

import com.ctera.client.CteraNotFoundException;
import com.ctera.client.files.CloudFiles;
import com.ctera.client.files.FileInfo;
import com.ctera.client.files.PortalPath;
import com.ctera.client.tasks.PendingTask;

/** {@code ctera files}: list, transfer and arrange files and folders in the portal's cloud drive. */
@Command(name = "files", description = "List, upload, download, create, delete, move and copy files and folders. "
        + "Portal paths are written as users see them, such as 'My Files/docs/a.txt'.", addMethodSubcommands = false)
final class FilesCommand {

    private static final int READ_BUFFER = 64 * 1024;

    @ParentCommand
    @Nullable CteraCommand root;

    @Option(names = "--wait", paramLabel = "DURATION", defaultValue = "PT10M",
            description = "How long to wait for the portal's delete, move and copy tasks (default ${DEFAULT-VALUE}).")
    Duration wait = Duration.ofMinutes(10);

    @Command(name = "list", description = "List a folder, or with -r everything below it (columns: path, type, size, "
            + "lastModified, permission).")
    int list(@Parameters(paramLabel = "PATH", defaultValue = "", description = "The folder (default: the top).")
            String folder,
            @Option(names = { "-r", "--recursive" }, description = "The whole tree, breadth first.") boolean recursive) {
        CloudFiles files = root().portal().files();
        Rows rows = Rows.of("path", "type", "size", "lastModified", "permission");
        try (Stream<FileInfo> items = recursive ? files.walk(folder) : files.list(folder)) {
            items.forEach((item) -> rows.add(item.path(), item.folder() ? "folder" : "file",
                    item.folder() ? null : item.size(),
                    (item.lastModified() != null) ? item.lastModified().toString() : null, item.permission()));
        }
        root().printer().list(rows);
        return ExitCodes.OK;
    }

    @Command(name = "upload", description = "Upload a local file, or a directory with -r. Into REMOTE when it is a "
            + "folder, else as REMOTE.")
    int upload(@Parameters(index = "0", paramLabel = "LOCAL") Path local,
            @Parameters(index = "1", paramLabel = "REMOTE") String remote,
            @Option(names = { "-r", "--recursive" }, description = "Upload a directory and everything in it.")
            boolean recursive) {
        CloudFiles files = root().portal().files();
        String target = target(files, remote, local.getFileName().toString());
        ItemOutcomes outcomes = new ItemOutcomes(root(), "path", "size", "result");
        if (Files.isDirectory(local)) {
            if (!recursive) {
                throw new CliFailure(ExitCodes.USAGE, local + " is a directory; use -r to upload it and its contents");
            }
            String top = target;
            files.mkdirs(top);
            List<Path> tree = localTree(local);
            for (Path item : tree) {
                String remotePath = join(top, local.relativize(item).toString().replace('\\', '/'));
                if (Files.isDirectory(item)) {
                    outcomes.attempt(remotePath, () -> {
                        files.mkdirs(remotePath);
                        return new @Nullable Object[] { remotePath, null, "created" };
                    });
                }
                else {
                    outcomes.attempt(remotePath, () -> uploadFile(files, item, remotePath));
                }
            }
        }
        else if (Files.isRegularFile(local)) {
            outcomes.attempt(target, () -> uploadFile(files, local, target));
        }
        else {
            throw new CliFailure(ExitCodes.NOT_FOUND, "no local file or directory " + local);
        }
        return outcomes.finish();
    }

    @Command(name = "download", description = "Download a file, or a folder with -r, into LOCAL (a directory or a "
            + "file name).")
    int download(@Parameters(index = "0", paramLabel = "REMOTE") String remote,
            @Parameters(index = "1", paramLabel = "LOCAL", defaultValue = ".") Path local,
            @Option(names = { "-r", "--recursive" }, description = "Download a folder and everything in it.")
            boolean recursive) {
        CloudFiles files = root().portal().files();
        FileInfo item = files.stat(remote);
        ItemOutcomes outcomes = new ItemOutcomes(root(), "path", "size", "result");
        if (item.folder()) {
            if (!recursive) {
                throw new CliFailure(ExitCodes.USAGE, remote + " is a folder; use -r to download it and its contents");
            }
            Path top = Files.isDirectory(local) ? local.resolve(item.name()) : local;
            createDirectories(top);
            int prefix = PortalPath.of(item.path()).relative().length() + 1;
            try (Stream<FileInfo> tree = files.walk(item.path())) {
                for (FileInfo child : (Iterable<FileInfo>) tree::iterator) {
                    Path destination = top.resolve(PortalPath.of(child.path()).relative().substring(prefix));
                    if (child.folder()) {
                        createDirectories(destination);
                    }
                    else {
                        outcomes.attempt(child.path(), () -> downloadFile(files, child, destination));
                    }
                }
            }
        }
        else {
            Path destination = Files.isDirectory(local) ? local.resolve(item.name()) : local;
            outcomes.attempt(item.path(), () -> downloadFile(files, item, destination));
        }
        return outcomes.finish();
    }

    @Command(name = "mkdir", description = "Create a folder.")
    int mkdir(@Parameters(paramLabel = "PATH") String path,
            @Option(names = { "-p", "--parents" }, description = "Also create missing parents; no error if it exists.")
            boolean parents) {
        CloudFiles files = root().portal().files();
        if (parents) {
            files.mkdirs(path);
        }
        else {
            files.mkdir(path);
        }
        root().printer().done(Rows.of("path", "result").add(path, "created"));
        return ExitCodes.OK;
    }

    @Command(name = "delete", description = "Delete files, or folders with -r, to the recycle bin.")
    int delete(@Parameters(paramLabel = "PATH", arity = "1..*") List<String> paths,
            @Option(names = { "-r", "--recursive" }, description = "Allow deleting folders and what they hold.")
            boolean recursive) {
        CloudFiles files = root().portal().files();
        requireFilesOrRecursive(files, paths, recursive, "delete");
        await(files.delete(paths));
        Rows rows = Rows.of("path", "result");
        paths.forEach((path) -> rows.add(path, "deleted"));
        root().printer().done(rows);
        return ExitCodes.OK;
    }

    @Command(name = "move", description = "Move files and folders into a folder: SOURCE... FOLDER.")
    int move(@Parameters(paramLabel = "SOURCE... FOLDER", arity = "2..*",
            description = "The items to move, then the folder to move them into.") List<String> arguments) {
        return moveOrCopy(arguments, false, true);
    }

    @Command(name = "copy", description = "Copy files, or folders with -r, into a folder: SOURCE... FOLDER.")
    int copy(@Parameters(paramLabel = "SOURCE... FOLDER", arity = "2..*",
            description = "The items to copy, then the folder to copy them into.") List<String> arguments,
            @Option(names = { "-r", "--recursive" }, description = "Allow copying folders and what they hold.")
            boolean recursive) {
        return moveOrCopy(arguments, recursive, false);
    }

    private int moveOrCopy(List<String> arguments, boolean recursive, boolean move) {
        List<String> sources = arguments.subList(0, arguments.size() - 1);
        String destination = arguments.get(arguments.size() - 1);
        CloudFiles files = root().portal().files();
        if (!move) {
            requireFilesOrRecursive(files, sources, recursive, "copy");
        }
        await(move ? files.move(sources, destination) : files.copy(sources, destination));
        Rows rows = Rows.of("path", "result");
        sources.forEach((source) -> rows.add(join(destination, PortalPath.of(source).name()), move ? "moved" : "copied"));
        root().printer().done(rows);
        return ExitCodes.OK;
    }

    private void requireFilesOrRecursive(CloudFiles files, List<String> paths, boolean recursive, String verb) {
        if (recursive) {
            return;
        }
        for (String path : paths) {
            if (files.stat(path).folder()) {
                throw new CliFailure(ExitCodes.USAGE, path + " is a folder; use -r to " + verb + " it and its contents");
            }
        }
    }

    private void await(PendingTask task) {
        root().portal().tasks().await(task, this.wait);
    }

    private @Nullable Object[] uploadFile(CloudFiles files, Path local, String remotePath) throws IOException {
        PortalPath target = PortalPath.of(remotePath);
        long size = Files.size(local);
        String uploaded = files.upload(DataBufferUtils.read(local, DefaultDataBufferFactory.sharedInstance, READ_BUFFER),
                size, target.parent().relative(), target.name(),
                ProgressBar.forTransfer(root().environment(), root().quiet(), target.name()));
        return new @Nullable Object[] { uploaded, size, "uploaded" };
    }

    private @Nullable Object[] downloadFile(CloudFiles files, FileInfo item, Path destination) {
        Path written = files.download(item.path(), destination,
                ProgressBar.forTransfer(root().environment(), root().quiet(), item.name()));
        return new @Nullable Object[] { written.toString(), item.size(), "downloaded" };
    }

    // REMOTE is the folder to put LOCAL into when it exists as one; otherwise it is LOCAL's new portal path.
    private static String target(CloudFiles files, String remote, String localName) {
        try {
            FileInfo existing = files.stat(remote);
            return existing.folder() ? join(existing.path(), localName) : existing.path();
        }
        catch (CteraNotFoundException ex) {
            return PortalPath.of(remote).relative();
        }
    }

    private static List<Path> localTree(Path directory) {
        try (Stream<Path> tree = Files.walk(directory)) {
            return new ArrayList<>(tree.filter((path) -> !path.equals(directory)).sorted().toList());
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot read " + directory, ex);
        }
    }

    private static void createDirectories(Path directory) {
        try {
            Files.createDirectories(directory);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot create " + directory, ex);
        }
    }

    private static String join(String folder, String name) {
        return folder.isEmpty() ? name : folder + "/" + name;
    }

    private CteraCommand root() {
        return Commands.root(this.root);
    }
}
