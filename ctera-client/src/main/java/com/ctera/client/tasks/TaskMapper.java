package com.ctera.client.tasks;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.ctera.client.protocol.MalformedXmlException;
import com.ctera.client.protocol.TaskRef;
import com.ctera.client.protocol.XmlObject;
import com.ctera.client.protocol.XmlText;
import com.ctera.client.protocol.XmlValue;

/** Reads task objects from the portal's answers. */
final class TaskMapper {

    private TaskMapper() {
    }

    static BackgroundTask toTask(TaskRef ref, XmlValue answer) {
        if (!(answer instanceof XmlObject task)) {
            throw new MalformedXmlException("expected a task <obj> for " + ref + ", found another value");
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        task.attributes().forEach((name, value) -> {
            if (value instanceof XmlText text) {
                attributes.put(name, text.text());
            }
        });
        String statusText = task.optionalText("status").orElse("");
        return new BackgroundTask(ref, task.className(), task.text("name"), TaskStatus.fromWire(statusText),
                statusText, percentage(task.text("percentage")), task.text("progstring"), task.text("result"),
                task.text("startTime"), task.text("endTime"), blankToNull(task.text("errorType")),
                task.wholeNumber("filesProcessed"), task.wholeNumber("totalFiles"),
                task.wholeNumber("bytesProcessed"), task.wholeNumber("totalBytes"), attributes);
    }

    private static int percentage(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        try {
            return (int) Math.round(Double.parseDouble(text.trim()));
        }
        catch (NumberFormatException ex) {
            throw new MalformedXmlException("expected a number in attribute 'percentage' of a task, found text of "
                    + text.length() + " characters");
        }
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return (text == null || text.isBlank()) ? null : text;
    }
}
