/* geokg network page: draws the embedded graph with vis-network, filters, search, tooltips.
 *
 * Every string from the data (news text) reaches the page through textContent or a DOM
 * property, never through innerHTML, so it is shown as text and never parsed as HTML.
 * State is exposed for tests as window.geokgNetwork and body data attributes:
 * data-ready="1" once drawn and interactive, data-visible-nodes / data-visible-edges.
 */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("geokg-data").textContent);
  var container = document.getElementById("geokg-network");
  var details = document.getElementById("geokg-details");
  var tooltip = document.getElementById("geokg-tooltip");
  var body = document.body;

  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var filters = { families: null, quads: null, since: "", until: "" };
  var visibleNodeIds = null;

  function checkedValues(name) {
    var boxes = document.querySelectorAll('input[type="checkbox"][name="' + name + '"]');
    var values = new Set();
    boxes.forEach(function (box) {
      if (box.checked) values.add(box.value);
    });
    return values;
  }

  function edgePasses(edge) {
    var g = edge.geokg;
    if (filters.families && !filters.families.has(g.family)) return false;
    if (filters.quads && !filters.quads.has(String(g.quad))) return false;
    if (filters.since || filters.until) {
      // geokg's one date window: kept when a source published in it reports the relation
      // (Statement.reported_between); undated sources fall in no window.
      return g.dates.some(function (day) {
        return (!filters.since || day >= filters.since) && (!filters.until || day <= filters.until);
      });
    }
    return true;
  }

  function computeVisibleNodes() {
    // An actor stays visible while one of its relations does; actors that had no
    // relation at all are always shown.
    var filtering =
      (filters.families && filters.families.size < countOptions("family")) ||
      (filters.quads && filters.quads.size < countOptions("quad")) ||
      filters.since || filters.until;
    if (!filtering) return null;
    var keep = new Set();
    var touched = new Set();
    edges.forEach(function (edge) {
      touched.add(edge.from);
      touched.add(edge.to);
      if (edgePasses(edge)) {
        keep.add(edge.from);
        keep.add(edge.to);
      }
    });
    nodes.forEach(function (node) {
      if (!touched.has(node.id)) keep.add(node.id);
    });
    return keep;
  }

  function countOptions(name) {
    return document.querySelectorAll('input[type="checkbox"][name="' + name + '"]').length;
  }

  var nodeView = new vis.DataView(nodes, {
    filter: function (node) {
      return visibleNodeIds === null || visibleNodeIds.has(node.id);
    },
  });
  var edgeView = new vis.DataView(edges, { filter: edgePasses });

  var options = data.options;
  var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, options);

  function publishCounts() {
    var shownNodes = network.body.nodeIndices.length;
    var shownEdges = network.body.edgeIndices.length;
    body.dataset.visibleNodes = String(shownNodes);
    body.dataset.visibleEdges = String(shownEdges);
    document.getElementById("geokg-counts").textContent =
      shownNodes + " of " + nodes.length + " actors, " +
      shownEdges + " of " + edges.length + " relations shown";
  }

  function applyFilters() {
    filters.families = checkedValues("family");
    filters.quads = checkedValues("quad");
    filters.since = document.getElementById("geokg-since").value;
    filters.until = document.getElementById("geokg-until").value;
    visibleNodeIds = computeVisibleNodes();
    edgeView.refresh();
    nodeView.refresh();
    publishCounts();
  }

  document.querySelectorAll("#geokg-controls input[type=checkbox]").forEach(function (box) {
    box.addEventListener("change", applyFilters);
  });
  ["geokg-since", "geokg-until"].forEach(function (id) {
    var input = document.getElementById(id);
    input.addEventListener("change", applyFilters);
    input.addEventListener("input", applyFilters);
  });

  /* ---- details and tooltips, built as DOM nodes ---- */

  function element(tag, className, text) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    if (text !== undefined && text !== null) el.textContent = String(text);
    return el;
  }

  function row(list, name, value) {
    if (value === undefined || value === null || value === "") return;
    if (Array.isArray(value)) {
      if (!value.length) return;
      value = value.join(", ");
    }
    list.appendChild(element("dt", null, name));
    list.appendChild(element("dd", null, value));
  }

  function safeHref(url) {
    if (!url) return null;
    try {
      var parsed = new URL(url);
      return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
    } catch (error) {
      return null;
    }
  }

  function nodeCard(node) {
    var g = node.geokg;
    var card = element("div", "card");
    card.appendChild(element("h2", null, g.label));
    var list = element("dl");
    row(list, "type", g.type);
    row(list, "id", g.id);
    row(list, "codes", g.codes);
    row(list, "acts for", g.country && g.country !== g.id ? g.country : "");
    row(list, "member of", g.memberOf);
    row(list, "members", g.members);
    row(list, "coordinates", g.coordinates);
    row(list, "relations", g.degree);
    card.appendChild(list);
    return card;
  }

  function edgeCard(edge) {
    var g = edge.geokg;
    var card = element("div", "card");
    var heading = element("h2");
    heading.appendChild(element("span", null, g.subject + " "));
    heading.appendChild(element("em", null, (g.negated ? "denied: " : "") + g.relation));
    heading.appendChild(element("span", null, " " + g.object));
    card.appendChild(heading);
    var list = element("dl");
    row(list, "CAMEO", g.cameo + " (" + g.quadLabel + ")");
    row(list, "first seen", g.first);
    row(list, "last seen", g.last);
    row(list, "sources", g.sources);
    row(list, "asserted by", g.asserters);
    card.appendChild(list);
    if (g.evidence.length) {
      var quotes = element("ol", "evidence");
      g.evidence.forEach(function (item) {
        var entry = element("li");
        if (item.sentence) entry.appendChild(element("q", null, item.sentence));
        var cite = element("cite");
        var href = safeHref(item.url);
        var name = item.title || item.url || "source";
        if (href) {
          var link = element("a", null, name);
          link.href = href;
          link.target = "_blank";
          link.rel = "noopener noreferrer";
          cite.appendChild(link);
        } else {
          cite.textContent = name;
        }
        if (item.published) cite.appendChild(element("span", "hint", " " + item.published));
        entry.appendChild(cite);
        quotes.appendChild(entry);
      });
      card.appendChild(quotes);
    }
    return card;
  }

  function showDetails(card) {
    details.replaceChildren(card);
  }

  function showTooltip(card, pointer) {
    tooltip.replaceChildren(card);
    tooltip.hidden = false;
    var box = container.getBoundingClientRect();
    var x = Math.min(box.left + pointer.x + 14, window.innerWidth - tooltip.offsetWidth - 8);
    var y = Math.min(box.top + pointer.y + 14, window.innerHeight - tooltip.offsetHeight - 8);
    tooltip.style.left = Math.max(x, 0) + "px";
    tooltip.style.top = Math.max(y, 0) + "px";
  }

  function hideTooltip() {
    tooltip.hidden = true;
  }

  network.on("hoverNode", function (params) {
    showTooltip(nodeCard(nodes.get(params.node)), params.pointer.DOM);
  });
  network.on("hoverEdge", function (params) {
    showTooltip(edgeCard(edges.get(params.edge)), params.pointer.DOM);
  });
  network.on("blurNode", hideTooltip);
  network.on("blurEdge", hideTooltip);
  network.on("dragStart", hideTooltip);
  network.on("zoom", hideTooltip);
  network.on("click", function (params) {
    if (params.nodes.length) showDetails(nodeCard(nodes.get(params.nodes[0])));
    else if (params.edges.length) showDetails(edgeCard(edges.get(params.edges[0])));
  });

  /* ---- search ---- */

  var actorList = document.getElementById("geokg-actors");
  var byName = new Map();
  nodes.forEach(function (node) {
    byName.set(String(node.geokg.label).toLowerCase(), node.id);
    byName.set(String(node.id).toLowerCase(), node.id);
  });
  if (nodes.length <= 5000) {
    var fragment = document.createDocumentFragment();
    nodes.forEach(function (node) {
      var option = document.createElement("option");
      option.value = node.geokg.label;
      fragment.appendChild(option);
    });
    actorList.appendChild(fragment);
  }

  function findActor(query) {
    var wanted = query.trim().toLowerCase();
    if (!wanted) return null;
    if (byName.has(wanted)) return byName.get(wanted);
    var found = null;
    nodes.forEach(function (node) {
      if (found === null && String(node.geokg.label).toLowerCase().indexOf(wanted) >= 0) {
        found = node.id;
      }
    });
    return found;
  }

  function focusActor(query) {
    var status = document.getElementById("geokg-search-status");
    var id = findActor(query);
    if (id === null) {
      status.textContent = "No actor matches.";
      return null;
    }
    if (visibleNodeIds !== null && !visibleNodeIds.has(id)) {
      status.textContent = "That actor is hidden by the filters.";
      return null;
    }
    status.textContent = "";
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: false });
    showDetails(nodeCard(nodes.get(id)));
    body.dataset.selected = String(id);
    return id;
  }

  var search = document.getElementById("geokg-search");
  search.addEventListener("change", function () {
    focusActor(search.value);
  });
  search.addEventListener("keydown", function (event) {
    if (event.key === "Enter") focusActor(search.value);
  });

  /* ---- country outlines for the geo layout ---- */

  // The outlines come projected to canvas coordinates, as the node positions are, and are
  // drawn under the graph on every frame, so pan and zoom keep them aligned.
  if (data.geo) {
    var land = new Path2D();
    data.geo.outlines.forEach(function (ring) {
      land.moveTo(ring[0], ring[1]);
      for (var i = 2; i < ring.length; i += 2) land.lineTo(ring[i], ring[i + 1]);
      land.closePath();
    });
    network.on("beforeDrawing", function (ctx) {
      ctx.save();
      ctx.fillStyle = "#eceee6";
      ctx.fill(land, "evenodd");
      ctx.strokeStyle = "#9aa293";
      ctx.lineWidth = 1 / network.getScale(); // a hairline at any zoom
      ctx.stroke(land);
      ctx.restore();
    });
  }

  /* ---- readiness: physics stops once the layout has settled ---- */

  function markReady() {
    // Show the whole settled graph: the first view is computed before the canvas has its
    // final size, and physics may have moved nodes out of it.
    network.fit({ animation: false });
    network.moveTo({ scale: network.getScale() * 0.9 }); // room for the outer labels
    publishCounts();
    body.dataset.ready = "1";
  }

  if (data.physics) {
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      network.once("afterDrawing", markReady);
      network.redraw();
    });
  } else {
    network.once("afterDrawing", markReady);
  }

  window.geokgNetwork = {
    network: network,
    nodes: nodes,
    edges: edges,
    applyFilters: applyFilters,
    focusActor: focusActor,
    counts: function () {
      return {
        nodes: network.body.nodeIndices.length,
        edges: network.body.edgeIndices.length,
        totalNodes: nodes.length,
        totalEdges: edges.length,
      };
    },
  };
})();
