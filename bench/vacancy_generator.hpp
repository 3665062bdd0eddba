#pragma once

#include "core/domain/vacancy.hpp"

#include <QString>
#include <cstdint>
#include <random>

namespace bench {

/// One generated row of the local store: the vacancy and what the store keeps beside it.
struct GeneratedVacancy {
    QString localId;
    core::domain::Vacancy data; ///< vacancyId and status set when the server knows it
    QString state; ///< draft | pending | synced | conflict | rejected
    bool deleted = false;
    bool serverDeleted = false;
    qint64 updatedAt = 0; ///< ms UTC
};

/// Realistic vacancies from a fixed seed: codes from the built-in code lists, Chinese titles,
/// agencies, addresses and texts from small phrase pools, and a plausible mix of local states
/// and server statuses (most records synced, most of those ended). The same seed gives the same
/// rows on every machine (no std:: distributions, whose output is implementation-defined).
class VacancyGenerator {
public:
    explicit VacancyGenerator(std::uint64_t seed);
    GeneratedVacancy next();

private:
    std::uint64_t draw() { return rng_(); }
    int below(int n) { return static_cast<int>(draw() % static_cast<std::uint64_t>(n)); }
    bool percent(int p) { return below(100) < p; }

    std::mt19937_64 rng_;
    qint64 nextServerId_ = 1120000001;
};

} // namespace bench
