package com.ctera.cli;

import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import com.ctera.client.devices.Device;
import com.ctera.client.devices.Devices;

/** {@code ctera devices}: the edge filers and agents registered with the portal. */
@Command(name = "devices", description = "List and show devices (edge filers and agents).",
        addMethodSubcommands = false)
final class DevicesCommand {

    private static final String[] COLUMNS = { "name", "tenant", "type", "version", "connected", "owner", "uid" };

    @ParentCommand
    @Nullable CteraCommand root;

    @Command(name = "list", description = "List devices (columns: name, tenant, type, version, connected, owner, uid).")
    int list() {
        CteraCommand command = Commands.root(this.root);
        Rows rows = Rows.of(COLUMNS);
        try (Stream<Device> devices = command.portal().devices().list()) {
            for (Device device : (Iterable<Device>) devices::iterator) {
                rows.add(row(device));
            }
        }
        command.printer().list(rows);
        return ExitCodes.OK;
    }

    @Command(name = "get", description = "Show one device.")
    int get(@Parameters(paramLabel = "NAME", description = "The device name.") String name,
            @Option(names = "--tenant", paramLabel = "TENANT",
                    description = "The device's tenant (needed in global administration).") @Nullable String tenant) {
        CteraCommand command = Commands.root(this.root);
        Devices devices = command.portal().devices();
        Device device;
        try {
            device = (tenant != null) ? devices.get(tenant, name) : devices.get(name);
        }
        catch (IllegalStateException ex) {
            throw new CliFailure(ExitCodes.USAGE, "the portal session is in global administration: give the "
                    + "device's tenant with --tenant TENANT");
        }
        command.printer().single(Rows.of(COLUMNS).add(row(device)));
        return ExitCodes.OK;
    }

    private static @Nullable Object[] row(Device device) {
        return new @Nullable Object[] { device.name(), device.tenant(), device.deviceType(), device.version(),
                device.connected(), device.owner(), device.uid() };
    }
}
