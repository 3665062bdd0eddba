#include "model/pin_state_file.hpp"

#include <charconv>
#include <fstream>
#include <stdexcept>
#include <string>

namespace virtualcard {

void loadPinState(const std::filesystem::path& file, PinCounter& pin)
{
    std::ifstream in(file);
    if (!in)
        return; // a new card: the configured tries
    std::string line;
    std::getline(in, line);
    constexpr std::string_view key = "tries=";
    int tries = -1;
    if (line.starts_with(key))
        std::from_chars(line.data() + key.size(), line.data() + line.size(), tries);
    if (tries < 0 || tries > PinCounter::maxSupported)
        throw std::runtime_error("--state-file " + file.string() + " does not hold tries=N");
    pin.setLeft(tries);
}

void savePinState(const std::filesystem::path& file, const PinCounter& pin)
{
    const std::filesystem::path temporary = file.string() + ".tmp";
    {
        std::ofstream out(temporary, std::ios::trunc);
        out << "tries=" << pin.left() << '\n';
        if (!out.flush())
            throw std::runtime_error("cannot write --state-file " + file.string());
    }
    std::filesystem::rename(temporary, file);
}

} // namespace virtualcard
