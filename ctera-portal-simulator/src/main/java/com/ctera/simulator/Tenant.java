package com.ctera.simulator;

import java.util.concurrent.ConcurrentSkipListMap;

/** One team portal with its users and devices, each kept sorted by name. */
record Tenant(String name, long uid, ConcurrentSkipListMap<String, UserRecord> users,
        ConcurrentSkipListMap<String, DeviceRecord> devices) {

    Tenant(String name, long uid) {
        this(name, uid, new ConcurrentSkipListMap<>(), new ConcurrentSkipListMap<>());
    }

    long ownerUid(String username) {
        UserRecord user = this.users.get(username);
        return (user != null) ? user.uid() : 0;
    }
}
