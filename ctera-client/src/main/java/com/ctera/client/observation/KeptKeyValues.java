package com.ctera.client.observation;

import java.util.Iterator;
import java.util.function.Supplier;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * The tag sets of one of the client's observation contexts, kept as the convention hands them over instead of in
 * Micrometer's maps. A convention sets its whole set of tags at the start and again at the stop, over the same keys
 * each time; while nothing else changed them, that set is itself the answer to a read. A concurrent map write per tag
 * and a sorted copy per read were most of what an observation itself cost a call (docs/benchmarks.md). The context
 * writes its maps the first time anything reads or changes a single key ({@link #change}), so every method of
 * {@code Observation.Context} still sees the same tags.
 *
 * <p>Plain fields, as Micrometer's own name and error are: reads and writes come from the thread that holds the call
 * at the time, and the signals between stages order them.
 */
final class KeptKeyValues {

    /** Which kind of tags a method works on: low cardinality. */
    static final boolean LOW = true;

    /** Which kind of tags a method works on: high cardinality. */
    static final boolean HIGH = false;

    /** Pairs of tag sets known to have the same keys, by identity; see sameKeys. */
    private static final int ALIKE_SLOTS = 64;

    private static final Object[] ALIKE = new Object[ALIKE_SLOTS];

    // For each kind: the kept set, or null when only the map knows it, and whether the map still lacks it.
    private @Nullable KeyValues lowKnown = KeyValues.empty();

    private boolean lowUnwritten;

    private @Nullable KeyValues highKnown = KeyValues.empty();

    private boolean highUnwritten;

    /** Keeps a whole set over the same keys as the known one (any keys when none yet); false otherwise. */
    boolean keep(boolean low, KeyValues keyValues) {
        KeyValues before = known(low);
        if (before == null || !sameKeys(before, keyValues)) {
            return false;
        }
        if (low) {
            this.lowKnown = keyValues;
            this.lowUnwritten = true;
        }
        else {
            this.highKnown = keyValues;
            this.highUnwritten = true;
        }
        return true;
    }

    /** The whole set of this kind, or null when only the context's map knows it. */
    @Nullable KeyValues known(boolean low) {
        return low ? this.lowKnown : this.highKnown;
    }

    /** Keeps what the map answered to a whole read, for the reads that follow. */
    KeyValues remember(boolean low, KeyValues read) {
        if (low) {
            this.lowKnown = read;
        }
        else {
            this.highKnown = read;
        }
        return read;
    }

    /**
     * Makes a change through the context's own maps ({@code change} calls Micrometer's implementation), the kept set
     * written to them first; only the maps know the set afterwards.
     */
    Observation.Context change(Observation.Context context, boolean low, Supplier<Observation.Context> change) {
        KeyValues kept = known(low);
        boolean unwritten = low ? this.lowUnwritten : this.highUnwritten;
        // Counted as written first: each write below comes back here through the context's override, as do the
        // single-key writes Micrometer makes a whole set of.
        if (low) {
            this.lowUnwritten = false;
        }
        else {
            this.highUnwritten = false;
        }
        if (unwritten && kept != null) {
            for (KeyValue keyValue : kept) {
                if (low) {
                    context.addLowCardinalityKeyValue(keyValue);
                }
                else {
                    context.addHighCardinalityKeyValue(keyValue);
                }
            }
        }
        Observation.Context changed = change.get();
        if (low) {
            this.lowKnown = null;
        }
        else {
            this.highKnown = null;
        }
        return changed;
    }

    /** The tag with this key in a kept set, or null. */
    static @Nullable KeyValue find(KeyValues keyValues, String key) {
        for (KeyValue keyValue : keyValues) {
            if (keyValue.getKey().equals(key)) {
                return keyValue;
            }
        }
        return null;
    }

    // Both sorted by key and free of repeated keys, as every KeyValues is; an empty set before takes any keys. The
    // same set again and the first set of a call need no walk, and nor does a pair of sets found alike before (a
    // convention that keeps its answers, as the client's default one does, hands every call the same two sets).
    private static boolean sameKeys(KeyValues before, KeyValues added) {
        if (before == added || before == KeyValues.empty()) {
            return true;
        }
        int slot = (31 * System.identityHashCode(before) + System.identityHashCode(added)) & (ALIKE_SLOTS - 1);
        Object seen = ALIKE[slot];
        if (seen instanceof AlikePair pair && pair.before() == before && pair.added() == added) {
            return true;
        }
        if (!walkKeys(before, added)) {
            return false;
        }
        // Each slot is filled once: a convention that builds new sets on every call then allocates nothing here.
        if (seen == null) {
            ALIKE[slot] = new AlikePair(before, added);
        }
        return true;
    }

    private static boolean walkKeys(KeyValues before, KeyValues added) {
        Iterator<KeyValue> old = before.iterator();
        if (!old.hasNext()) {
            return true;
        }
        Iterator<KeyValue> fresh = added.iterator();
        while (old.hasNext() && fresh.hasNext()) {
            if (!old.next().getKey().equals(fresh.next().getKey())) {
                return false;
            }
        }
        return !old.hasNext() && !fresh.hasNext();
    }

    /** Two tag sets found to have the same keys; immutable, so a slot holds a whole pair or none. */
    private record AlikePair(KeyValues before, KeyValues added) {
    }
}
