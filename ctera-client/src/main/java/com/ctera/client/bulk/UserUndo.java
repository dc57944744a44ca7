package com.ctera.client.bulk;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import com.ctera.client.users.NewUser;
import com.ctera.client.users.PortalUser;
import com.ctera.client.users.ReactiveUsers;
import com.ctera.client.users.UserRole;
import com.ctera.client.users.UserUpdate;

/**
 * Undoes a user's modification or deletion from the user as it was read just before. A portal never returns a
 * password, so what cannot come back is named in a {@link PartialUndo} rather than left silent.
 */
final class UserUndo {

    private static final String PASSWORD_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    /** The attributes an update may change that are read back before it, so that they can be written back. */
    private static final Set<String> READ_BACK = Set.of("email", "firstName", "lastName", "company", "comment",
            "role");

    private static final SecureRandom random = new SecureRandom();

    private UserUndo() {
    }

    /** Writes back the attributes {@code changed} had before; the rest of the user is left alone. */
    static Mono<PartialUndo> restore(ReactiveUsers users, PortalUser before, Set<String> changed) {
        UserUpdate.Builder update = UserUpdate.builder();
        List<String> gaps = new ArrayList<>();
        for (String attribute : changed) {
            if (attribute.equals("password")) {
                gaps.add("password (the new one stands: a portal never returns a password)");
                continue;
            }
            if (!READ_BACK.contains(attribute)) {
                gaps.add(attribute + " (not read back by this client)");
                continue;
            }
            String value = valueOf(before, attribute);
            if (value == null) {
                gaps.add(attribute + " (it had no value before, and an update sets text; it cannot unset)");
                continue;
            }
            switch (attribute) {
                case "email" -> update.email(value);
                case "firstName" -> update.firstName(value);
                case "lastName" -> update.lastName(value);
                case "company" -> update.company(value);
                case "comment" -> update.comment(value);
                default -> update.role(role(value));
            }
        }
        UserUpdate restoring = update.build();
        Mono<Void> written = restoring.isEmpty() ? Mono.empty() : users.modify(before.name(), restoring);
        return written.then(Mono.justOrEmpty(gaps.isEmpty() ? null : new PartialUndo(String.join("; ", gaps))));
    }

    /**
     * Creates the user again with the attributes it had. Its password is a random one nobody knows, and a new one
     * is required at the next login, so an administrator must set one; the portal gives it a new uid.
     */
    static Mono<PartialUndo> recreate(ReactiveUsers users, PortalUser before) {
        return Mono.fromCallable(() -> NewUser.builder(before.name())
                .email(required(before.email(), before, "email"))
                .fullName(required(before.firstName(), before, "firstName"),
                        required(before.lastName(), before, "lastName"))
                .role((before.role() != null) ? role(before.role()) : UserRole.END_USER)
                .company(before.company()).comment(before.comment())
                .password(randomPassword()).requirePasswordChange(true).build())
            .flatMap(users::add)
            .thenReturn(new PartialUndo("password (recreated with a random one nobody knows and a change required "
                    + "at the next login: an administrator must set a new one); uid (the portal gave a new one)"
                    + "; anything the portal removed along with the user, such as its cloud folders and shares"));
    }

    private static @Nullable String valueOf(PortalUser user, String attribute) {
        return switch (attribute) {
            case "email" -> user.email();
            case "firstName" -> user.firstName();
            case "lastName" -> user.lastName();
            case "company" -> user.company();
            case "comment" -> user.comment();
            default -> user.role();
        };
    }

    private static UserRole role(String wireValue) {
        return UserRole.fromWireValue(wireValue).orElseThrow(() -> new IllegalStateException(
                "cannot restore role '" + wireValue + "': this client does not know it"));
    }

    private static String required(@Nullable String value, PortalUser before, String attribute) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("cannot recreate user '" + before.name() + "': it had no " + attribute
                    + ", which a new user needs");
        }
        return value;
    }

    // Letters and digits of every kind, and a symbol, so that a portal's usual password rules accept it.
    private static String randomPassword() {
        StringBuilder password = new StringBuilder("Aa1!");
        for (int i = 0; i < 24; i++) {
            password.append(PASSWORD_LETTERS.charAt(random.nextInt(PASSWORD_LETTERS.length())));
        }
        return password.toString();
    }
}
