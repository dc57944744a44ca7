package com.ctera.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import com.ctera.client.users.UserRole;

/** Reads a user role as the portal writes it ({@code EndUser}) or as the enum names it ({@code end-user}). */
final class RoleConverter implements ITypeConverter<UserRole> {

    @Override
    public UserRole convert(String value) {
        String constant = value.trim().replace('-', '_').toUpperCase(Locale.ROOT);
        for (UserRole role : UserRole.values()) {
            if (role.wireValue().equalsIgnoreCase(value.trim()) || role.name().equals(constant)) {
                return role;
            }
        }
        throw new TypeConversionException("'" + value + "' is not a role; use one of " + Arrays.stream(UserRole.values())
            .map(UserRole::wireValue)
            .collect(Collectors.joining(", ")));
    }
}
