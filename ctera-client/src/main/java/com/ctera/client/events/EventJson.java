package com.ctera.client.events;

import tools.jackson.databind.json.JsonMapper;

/** Change events as the JSON kept in publication records. */
final class EventJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EventJson() {
    }

    static String write(CteraChangeEvent event) {
        return JSON.writeValueAsString(event);
    }

    static CteraChangeEvent read(String json) {
        return JSON.readValue(json, CteraChangeEvent.class);
    }
}
