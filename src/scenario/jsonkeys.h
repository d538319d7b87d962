#pragma once

#include <QByteArray>
#include <QString>

namespace BurgerBench {

// The first key that appears twice in one object of a JSON text, as a dotted path
// ("load.concurrency", "models[1].name"); empty when every object's keys are distinct.
// QJsonDocument keeps only the last of two equal keys, so a file with a duplicate does not say
// what it seems to. Expects text QJsonDocument accepted (it does not validate); linear time,
// memory bounded by the keys of the objects open at once.
QString firstDuplicateKey(const QByteArray &json);

} // namespace BurgerBench
