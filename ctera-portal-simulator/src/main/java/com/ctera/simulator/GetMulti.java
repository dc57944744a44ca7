package com.ctera.simulator;

import java.util.ArrayList;
import java.util.List;

import com.ctera.simulator.xml.XmlList;
import com.ctera.simulator.xml.XmlObj;
import com.ctera.simulator.xml.XmlText;
import com.ctera.simulator.xml.XmlValue;
import org.jspecify.annotations.Nullable;

/** The {@code get-multi} call: only the requested attributes of one object; a missing object has a null name. */
final class GetMulti {

    private GetMulti() {
    }

    static PortalAnswer answer(@Nullable XmlValue param, @Nullable XmlObj found) {
        List<String> paths = new ArrayList<>();
        if (param instanceof XmlList list) {
            for (XmlValue item : list.items()) {
                if (item instanceof XmlText text) {
                    paths.add(text.text());
                }
            }
        }
        else if (param instanceof XmlText text) {
            paths.add(text.text());
        }
        else {
            throw new BadRequestException("get-multi expects a list of attribute paths");
        }
        Projection projection = Projection.ofPaths(paths);
        if (found == null) {
            XmlObj missing = XmlObj.plain();
            missing.put("name", (String) null);
            projection.ids().forEach(id -> missing.put(id, (String) null));
            return PortalAnswer.ok(missing);
        }
        return PortalAnswer.ok(projection.apply(found, null));
    }
}
