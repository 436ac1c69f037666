// A Swagger UI plugin, inlined into the API reference's frame by accessibility.py: under each
// property's description, the property's scope (x-scope) and its description in every other
// language of the spec (x-descriptions), each marked with its language. Swagger UI renders
// OpenAPI 3.1 schemas with its JSON Schema 2020-12 components; this wraps the description one.
// React escapes every text, so a description is shown exactly as written, never as markup.
// Swagger UI's server <select> has an empty <label>: it gets the spec's "servers" word as its name.
function specgenSwaggerPlugin(words) {
  return function () {
    return {
      wrapComponents: {
        Servers: function (Original, system) {
          return function (props) {
            var name = function (element) {
              var select = element && element.querySelector("select");
              if (select) {
                select.setAttribute("aria-label", words.servers);
              }
            };
            return system.React.createElement("div", { ref: name }, system.React.createElement(Original, props));
          };
        },
        JSONSchema202012KeywordDescription: function (Original, system) {
          return function (props) {
            var React = system.React;
            var schema = props.schema || {};
            var parts = [React.createElement(Original, Object.assign({ key: "original" }, props))];
            var scope = schema["x-scope"];
            if (typeof scope === "string") {
              parts.push(React.createElement(
                "div", { key: "scope", className: "specgen-scope" },
                words.scope + ": ", React.createElement("code", null, scope)
              ));
            }
            var texts = schema["x-descriptions"] || {};
            Object.keys(texts).forEach(function (code) {
              if (code === words.lang || typeof texts[code] !== "string") {
                return;
              }
              var name = words.languages[code] || code;
              parts.push(React.createElement(
                "div", { key: "description-" + code, className: "specgen-other-language" },
                words.description + " (",
                React.createElement("span", { lang: code }, name),
                "): ",
                React.createElement("span", { lang: code }, texts[code])
              ));
            });
            return React.createElement(React.Fragment, null, parts);
          };
        },
      },
    };
  };
}
