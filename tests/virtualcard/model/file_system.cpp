#include "model/file_system.hpp"

#include <algorithm>

namespace virtualcard {

FileNode* FileNode::child(std::uint16_t id) const
{
    for (const auto& c : children)
        if (c->fid == id)
            return c.get();
    return nullptr;
}

FileSystem::FileSystem()
    : mf_(std::make_unique<FileNode>())
{
    mf_->fid = mfId;
    mf_->dedicated = true;
    resetSelection();
}

FileNode& FileSystem::addDf(FileNode& parent, std::uint16_t fid, Bytes aid)
{
    auto node = std::make_unique<FileNode>();
    node->fid = fid;
    node->dedicated = true;
    node->aid = std::move(aid);
    node->parent = &parent;
    parent.children.push_back(std::move(node));
    return *parent.children.back();
}

FileNode& FileSystem::addEf(FileNode& parent, std::uint16_t fid, Bytes content, bool readable)
{
    auto node = std::make_unique<FileNode>();
    node->fid = fid;
    node->content = std::move(content);
    node->readable = readable;
    node->parent = &parent;
    parent.children.push_back(std::move(node));
    return *parent.children.back();
}

void FileSystem::select(FileNode* node)
{
    if (node->dedicated) {
        currentDf_ = node;
        currentEf_ = nullptr;
    } else {
        currentDf_ = node->parent;
        currentEf_ = node;
    }
}

const FileNode* FileSystem::selectFid(std::uint16_t fid)
{
    FileNode* target = nullptr;
    if (fid == mfId)
        target = mf_.get();
    else if (fid == currentDf_->fid)
        target = currentDf_;
    else
        target = currentDf_->child(fid);
    if (target)
        select(target);
    return target;
}

const FileNode* FileSystem::selectPath(ByteView path, bool fromMf)
{
    if (path.empty() || path.size() % 2 != 0)
        return nullptr;
    FileNode* node = fromMf ? mf_.get() : currentDf_;
    for (std::size_t i = 0; i < path.size(); i += 2) {
        if (!node->dedicated)
            return nullptr; // an EF in the middle of a path
        node = node->child(static_cast<std::uint16_t>(path[i] << 8 | path[i + 1]));
        if (!node)
            return nullptr;
    }
    select(node);
    return node;
}

FileNode* FileSystem::findAid(FileNode& from, ByteView aid)
{
    if (from.dedicated && !from.aid.empty() && std::ranges::equal(from.aid, aid))
        return &from;
    for (const auto& c : from.children)
        if (FileNode* hit = findAid(*c, aid))
            return hit;
    return nullptr;
}

const FileNode* FileSystem::selectAid(ByteView aid)
{
    FileNode* target = findAid(*mf_, aid);
    if (target)
        select(target);
    return target;
}

void FileSystem::resetSelection()
{
    currentDf_ = mf_.get();
    currentEf_ = nullptr;
}

ReadResult FileSystem::readBinary(std::size_t offset, std::size_t le) const
{
    if (!currentEf_)
        return { {}, 0x6986 };
    if (!currentEf_->readable)
        return { {}, 0x6982 };
    const Bytes& body = currentEf_->content;
    if (offset >= body.size())
        return { {}, 0x6B00 };
    const std::size_t n = std::min(le, body.size() - offset);
    ReadResult r;
    r.data.assign(
        body.begin() + static_cast<long>(offset), body.begin() + static_cast<long>(offset + n));
    r.sw = n < le ? 0x6282 : 0x9000;
    return r;
}

} // namespace virtualcard
