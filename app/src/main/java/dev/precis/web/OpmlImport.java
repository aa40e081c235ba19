package dev.precis.web;

import dev.precis.feeds.FeedFormatException;
import dev.precis.feeds.Opml;

import java.util.ArrayList;
import java.util.List;

/** Subscribes to every feed of an OPML document (read by {@link Opml}: no DTDs, no external entities). */
final class OpmlImport {

    /** What an import did: feeds added, and addresses refused with the reason. */
    record Result(int added, List<String> refused) {
    }

    private OpmlImport() {
    }

    static Result into(Newsroom room, byte[] document) {
        List<Opml.Subscription> subs;
        try {
            subs = Opml.read(new String(document, java.nio.charset.StandardCharsets.UTF_8));
        } catch (FeedFormatException e) {
            throw new IllegalArgumentException("not a usable OPML file: " + e.getMessage());
        }
        int added = 0;
        List<String> refused = new ArrayList<>();
        for (Opml.Subscription s : subs) {
            try {
                room.addFeed(FeedAddress.check(s.feedUrl()), s.title(), false);
                added++;
            } catch (IllegalArgumentException e) {
                refused.add(s.feedUrl() + " (" + e.getMessage() + ")");
            }
        }
        return new Result(added, refused);
    }
}
