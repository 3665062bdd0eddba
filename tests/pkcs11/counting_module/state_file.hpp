#pragma once

// The counting test module's state: `key=value` lines in the file SHIQIUREN_TEST_P11_STATE
// names. The module reads it at every call and writes it back after every change, so a test sets
// the scene by writing it and proves what reached the module by reading it. Keys:
//   pin, tries (left), maxTries, mode (flags | vendor-codes | vendor-codes-signed),
//   cert (DER path), key (PKCS#8 PEM path), keySign (1/0), keys (public | private: private keys
//   visible only after login), lengths (reported: token info says 6/8 | hidden: says nothing;
//   6 to 8 is enforced either way), failLogin / failSign (a CK_RV in hex to return instead),
//   refuseInitArgs (a CK_RV in hex for a C_Initialize given arguments), and the module's
//   counters: logins, logouts, signs, openSessions, loggedIn, countLow, initialises,
//   initialisesWithoutArgs.

#include <fstream>
#include <map>
#include <sstream>
#include <string>

namespace countingmodule {

class StateFile {
public:
    static StateFile load(const std::string& path)
    {
        StateFile state;
        std::ifstream in(path);
        std::string line;
        while (std::getline(in, line)) {
            const auto equals = line.find('=');
            if (equals != std::string::npos)
                state.values_[line.substr(0, equals)] = line.substr(equals + 1);
        }
        return state;
    }

    /// Whole file rewritten; false when it could not be.
    bool save(const std::string& path) const
    {
        std::ostringstream text;
        for (const auto& [key, value] : values_)
            text << key << '=' << value << '\n';
        std::ofstream out(path, std::ios::trunc);
        out << text.str();
        return static_cast<bool>(out.flush());
    }

    std::string text(const std::string& key, const std::string& fallback = {}) const
    {
        const auto found = values_.find(key);
        return found == values_.end() ? fallback : found->second;
    }
    long number(const std::string& key, long fallback = 0) const
    {
        const auto found = values_.find(key);
        return found == values_.end() ? fallback : std::stol(found->second, nullptr, 0);
    }
    void set(const std::string& key, const std::string& value) { values_[key] = value; }
    void set(const std::string& key, long value) { values_[key] = std::to_string(value); }

private:
    std::map<std::string, std::string> values_;
};

} // namespace countingmodule
