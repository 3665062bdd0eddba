#pragma once

// An ISO 7816-4 style file tree: DFs and transparent EFs, a current DF/EF, and the READ BINARY
// edge cases (6B00 past the end, 6282 short read). Personalities decide which SELECT forms
// they accept; this class only resolves names and reads bytes.

#include "smartcard/bytes.hpp"

#include <cstdint>
#include <memory>
#include <vector>

namespace virtualcard {

using smartcard::Bytes;
using smartcard::ByteView;

struct FileNode {
    std::uint16_t fid = 0;
    bool dedicated = false; // DF (else transparent EF)
    Bytes content; // EF body
    bool readable = true; // false: READ BINARY answers 6982 (key files)
    Bytes aid; // DF name, may be empty
    FileNode* parent = nullptr;
    std::vector<std::unique_ptr<FileNode>> children;

    FileNode* child(std::uint16_t id) const;
};

struct ReadResult {
    Bytes data;
    std::uint16_t sw = 0x9000;
};

class FileSystem {
public:
    static constexpr std::uint16_t mfId = 0x3F00;

    FileSystem();

    FileNode& mf() { return *mf_; }
    FileNode& addDf(FileNode& parent, std::uint16_t fid, Bytes aid = {});
    FileNode& addEf(FileNode& parent, std::uint16_t fid, Bytes content, bool readable = true);

    /// 3F00, the current DF itself, or a child of the current DF; null (selection unchanged)
    /// when there is no such file.
    const FileNode* selectFid(std::uint16_t fid);
    /// A path of 2-byte FIDs walked from the MF (without 3F00) or from the current DF.
    const FileNode* selectPath(ByteView path, bool fromMf);
    /// A DF by its application identifier, anywhere in the tree.
    const FileNode* selectAid(ByteView aid);
    /// Back to the MF, no current EF (power-up state).
    void resetSelection();

    const FileNode& currentDf() const { return *currentDf_; }
    const FileNode* currentEf() const { return currentEf_; }

    /// Up to `le` bytes of the current EF from `offset`: 6986 without a current EF, 6982 when
    /// not readable, 6B00 when offset >= size, 6282 with the remaining bytes when the file
    /// ends before `le`, else 9000.
    ReadResult readBinary(std::size_t offset, std::size_t le) const;

private:
    void select(FileNode* node);
    FileNode* findAid(FileNode& from, ByteView aid);

    std::unique_ptr<FileNode> mf_;
    FileNode* currentDf_ = nullptr;
    FileNode* currentEf_ = nullptr;
};

} // namespace virtualcard
