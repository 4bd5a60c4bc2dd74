// The language a report's prose is rendered in: Japanese for the local governments the guideline addresses,
// English for everyone else. In the model because the sentence catalogue (model/sentence.hpp) renders in it.
#pragma once

namespace isoprobe::model {

enum class Lang { ja, en };

} // namespace isoprobe::model
