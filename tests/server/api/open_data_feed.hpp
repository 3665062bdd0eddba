#pragma once

// The public Open Data feed as the route answers it, parsed strictly: shared by the feed's own
// suite (test_opendata_route.cpp) and the suite of vacancy kinds (test_vacancy_kinds.cpp).

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QUrl>
#include <QUrlQuery>
#include <QXmlStreamReader>
#include <catch2/catch.hpp>

namespace opendatatest {

inline const QString feedPath = QStringLiteral("/api/v1/opendata/vacancies.xml");

struct Feed {
    QString announceDate;
    QList<QHash<QString, QString>> rows;

    static QString workId(const QHash<QString, QString>& row)
    {
        return QUrlQuery(QUrl(row.value("VIEW_URL")).query()).queryItemValue("work_id");
    }

    QSet<QString> workIds() const
    {
        QSet<QString> ids;
        for (const auto& row : rows)
            ids.insert(workId(row));
        return ids;
    }
};

/// Parses the feed strictly: well-formed, one <ROOT>, <ANNOUNCE_DATE> then <ROW>s of elements.
inline Feed parseFeed(const QByteArray& xml)
{
    Feed feed;
    QXmlStreamReader reader(xml);
    REQUIRE(reader.readNextStartElement());
    REQUIRE(reader.name() == QLatin1String("ROOT"));
    while (reader.readNextStartElement()) {
        if (reader.name() == QLatin1String("ANNOUNCE_DATE")) {
            feed.announceDate = reader.readElementText();
            continue;
        }
        REQUIRE(reader.name() == QLatin1String("ROW"));
        QHash<QString, QString> row;
        while (reader.readNextStartElement())
            row.insert(reader.name().toString(), reader.readElementText());
        feed.rows.append(row);
    }
    INFO(reader.errorString().toStdString());
    REQUIRE_FALSE(reader.hasError());
    return feed;
}

} // namespace opendatatest
