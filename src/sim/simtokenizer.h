#pragma once

#include <QByteArrayView>
#include <QJsonArray>
#include <QJsonValue>
#include <QStringView>

#include <vector>

namespace BurgerBench {

// The simulator's tokenizer ("burger-bpe"): deterministic, O(n), one pass over the UTF-8 bytes,
// with tokens that are not words: about 4 bytes of English prose a token, like a BPE vocabulary
// (4.2 on the GPL-3 text, 3.5 on this project's Markdown). A client that wants a prompt of N
// tokens as this server counts them must ask POST /tokenize or calibrate on usage.prompt_tokens,
// just as against vLLM; counting words is off by design.
//
// The rule. Bytes are letters (ASCII letters and every byte >= 0x80, so UTF-8 text is letters),
// digits, whitespace (space, \t, \n, \r, \f, \v) or other (punctuation, symbols, controls).
// A piece is an optional single leading space followed by a run of one class, as GPT-2's
// pre-tokenizer splits text:
//   - letters: the first token holds up to 8 bytes (space included), the rest 4 bytes each:
//     " the", " burger", " pickles" are one token, " describe" (9 bytes) is two;
//   - digits: groups of up to 3 digits (the first with the space);
//   - other: groups of up to 2 bytes (the first may add the space): ". ", "**" one each;
//   - whitespace that is not the one space a following piece takes: groups of up to 4 bytes
//     ("\n\n" is one token, eight spaces of indentation two).
// A token's id is 4 + FNV-1a-32(its bytes) mod (VocabularySize - 4); ids 1..3 are the chat
// template's markers. Different pieces may share an id (a hash), which only matters to a
// reader who would decode ids; nothing here decodes.
//
// Concatenation: tokenize(a + b) == tokenize(a) + tokenize(b) when a ends in a letter, digit
// or other byte and b starts with one space and then a letter (pieces never cross a space
// that starts a word). Prompt generators can therefore build text block by block.
//
// Chat prompts (the chat template): every message is
//   [MessageStart, id(role), MessageSeparator] + tokens(content) + [MessageEnd]
// (TokensPerMessage = 4 tokens of overhead), and the generation prompt
//   [MessageStart, id("assistant"), MessageSeparator]
// (GenerationPromptTokens = 3) ends the prompt, as chat templates add it. A conversation's
// turn k+1 therefore starts with turn k's whole prompt (the generation prompt is the start of
// the assistant message that follows), which is what a prefix cache needs to see.
// Content is a string or an array of parts: every part with a string "text" (types "text",
// "input_text", "output_text") counts, other parts (images) count nothing.
class SimTokenizer
{
public:
    static constexpr int VocabularySize = 100000;
    static constexpr qint32 MessageStart = 1;
    static constexpr qint32 MessageSeparator = 2;
    static constexpr qint32 MessageEnd = 3;
    static constexpr int TokensPerMessage = 4;
    static constexpr int GenerationPromptTokens = 3;

    static void append(QByteArrayView utf8, std::vector<qint32> *out);
    static std::vector<qint32> tokenize(QStringView text);
    static int count(QByteArrayView utf8); // == tokenize().size(), without storing ids
    static int count(QStringView text);
    static qint32 pieceId(QByteArrayView piece);

    // Message content (string or parts), appended without the template.
    static void appendContent(const QJsonValue &content, std::vector<qint32> *out);
    // A chat's messages through the template above; elements that are not objects are skipped.
    static std::vector<qint32> tokenizeChat(const QJsonArray &messages, bool addGenerationPrompt = true);
    // A completions prompt: a string, or an array of strings, token ids (numbers, kept as they
    // are) or arrays of token ids, all concatenated.
    static std::vector<qint32> tokenizePrompt(const QJsonValue &prompt);
};

} // namespace BurgerBench
