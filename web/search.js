/*
 * Search suggestions as you type, for every input[data-suggest] on a page. Progressive enhancement:
 * the boxes are plain GET forms that work without this script; with it, a box becomes a WAI-ARIA
 * combobox (list autocomplete) showing up to eight matches from GET /api/v1/search.
 *
 * Keys: Down / Up move through the suggestions, Enter opens the chosen one (or, for a box marked
 * data-suggest="fill", puts the career into the box), Escape closes the list. The number of
 * suggestions is announced in a polite live region. Every piece of data becomes text (textContent,
 * <mark> elements for matched words); nothing from the API is parsed as HTML.
 */
/* global document, window, fetch, AbortController, URLSearchParams, setTimeout, clearTimeout */
;(function () {
  'use strict'

  var DEBOUNCE_MS = 150
  var LIMIT = 8
  var MIN_CHARS = 2
  var TYPE_WORDS = { career: 'Career', skill: 'Skill', credential: 'Credential', resource: 'Course or reading' }
  var PATHS = { career: '/careers/', skill: '/browse/skills/', credential: '/credentials/', resource: '/resources/' }

  /** The page a suggestion opens, as the server-rendered result links write it. */
  function pageHref(item) {
    return (PATHS[item.type] || '/search?q=') + encodeURIComponent(item.slug || item.id || '')
  }

  /** Title segments as text, the matched ones inside <mark>; `capital` starts the first with a capital letter. */
  function appendSegments(parent, segments, capital) {
    for (var i = 0; i < segments.length; i += 1) {
      var text = String(segments[i].text)
      if (capital && i === 0) text = text.charAt(0).toUpperCase() + text.slice(1)
      if (segments[i].match) {
        var mark = document.createElement('mark')
        mark.textContent = text
        parent.appendChild(mark)
      } else {
        parent.appendChild(document.createTextNode(text))
      }
    }
  }

  function enhance(input) {
    var fill = input.getAttribute('data-suggest') === 'fill'
    var type = input.getAttribute('data-type')
    var listId = input.id + '-suggestions'
    var list = document.createElement('ul')
    list.id = listId
    list.className = 'suggestions'
    list.setAttribute('role', 'listbox')
    list.setAttribute('aria-label', 'Suggestions')
    list.hidden = true
    var status = document.createElement('div')
    status.className = 'visually-hidden'
    status.setAttribute('role', 'status')
    status.setAttribute('aria-live', 'polite')
    input.parentNode.appendChild(list)
    input.parentNode.appendChild(status)

    input.setAttribute('role', 'combobox')
    input.setAttribute('aria-autocomplete', 'list')
    input.setAttribute('aria-expanded', 'false')
    input.setAttribute('aria-controls', listId)
    input.setAttribute('autocomplete', 'off')

    var items = []
    var active = -1
    var timer = null
    var controller = null
    var asked = 0

    function options() {
      return list.querySelectorAll('[role="option"]')
    }

    function setActive(index) {
      var all = options()
      if (all.length === 0) return
      active = (index + all.length) % all.length
      for (var i = 0; i < all.length; i += 1) {
        all[i].setAttribute('aria-selected', i === active ? 'true' : 'false')
        all[i].classList.toggle('is-active', i === active)
      }
      input.setAttribute('aria-activedescendant', all[active].id)
      if (all[active].scrollIntoView) all[active].scrollIntoView({ block: 'nearest' })
    }

    function close() {
      list.hidden = true
      input.setAttribute('aria-expanded', 'false')
      input.removeAttribute('aria-activedescendant')
      active = -1
    }

    function open() {
      if (items.length === 0) return
      list.hidden = false
      input.setAttribute('aria-expanded', 'true')
    }

    function choose(index) {
      var item = items[index]
      if (!item) return
      if (fill) {
        input.value = item.slug || item.id || item.title
        close()
        status.textContent = item.title + ' chosen.'
      } else {
        close()
        window.location.assign(pageHref(item))
      }
    }

    function render(answer) {
      items = answer.items || []
      while (list.firstChild) list.removeChild(list.firstChild)
      items.forEach(function (item, i) {
        var option = document.createElement('li')
        option.id = listId + '-' + i
        option.setAttribute('role', 'option')
        option.setAttribute('aria-selected', 'false')
        var badge = document.createElement('span')
        badge.className = 'suggestion-type'
        badge.textContent = TYPE_WORDS[item.type] || item.type
        var title = document.createElement('span')
        title.className = 'suggestion-title'
        // ESCO writes career titles in lower case; the pages start them with a capital, and so do these.
        appendSegments(title, item.highlight && item.highlight.title ? item.highlight.title : [{ text: item.title, match: false }], item.type === 'career')
        option.appendChild(badge)
        option.appendChild(document.createTextNode(' '))
        option.appendChild(title)
        // Keep focus in the box on a click, so the list does not close before the click lands.
        option.addEventListener('mousedown', function (event) {
          event.preventDefault()
        })
        option.addEventListener('click', function () {
          choose(i)
        })
        list.appendChild(option)
      })
      active = -1
      input.removeAttribute('aria-activedescendant')
      if (items.length === 0) {
        close()
        status.textContent = 'No suggestions.'
        return
      }
      var more = answer.total > items.length ? ' of ' + answer.total + ' results' : ''
      status.textContent = items.length + (items.length === 1 ? ' suggestion' : ' suggestions') + more + '. Use the up and down arrow keys to choose.'
      if (document.activeElement === input) open()
    }

    function ask() {
      // Whatever is in flight answers an older text: drop it.
      if (controller) controller.abort()
      var mine = (asked += 1)
      var q = input.value.trim()
      if (q.length < MIN_CHARS) {
        items = []
        close()
        return
      }
      controller = new AbortController()
      var params = new URLSearchParams({ q: q.slice(0, 200), limit: String(LIMIT) })
      if (type) params.set('type', type)
      fetch('/api/v1/search?' + params.toString(), { signal: controller.signal, headers: { accept: 'application/json' } })
        .then(function (response) {
          if (!response.ok) throw new Error('search answered ' + response.status)
          return response.json()
        })
        .then(function (answer) {
          if (mine === asked) render(answer)
        })
        .catch(function () {
          // A newer keystroke aborted this one, or the search failed: the form still submits.
          if (mine === asked) close()
        })
    }

    input.addEventListener('input', function () {
      clearTimeout(timer)
      timer = setTimeout(ask, DEBOUNCE_MS)
    })

    input.addEventListener('keydown', function (event) {
      var isOpen = !list.hidden
      switch (event.key) {
        case 'ArrowDown':
          if (items.length === 0) return
          event.preventDefault()
          if (!isOpen) open()
          setActive(active + 1)
          break
        case 'ArrowUp':
          if (items.length === 0) return
          event.preventDefault()
          if (!isOpen) open()
          setActive(active < 0 ? -1 : active - 1)
          break
        case 'Enter':
          if (isOpen && active >= 0) {
            event.preventDefault()
            choose(active)
          }
          break
        case 'Escape':
          if (isOpen) {
            event.preventDefault()
            close()
          }
          break
        case 'Tab':
          close()
          break
        default:
          break
      }
    })

    input.addEventListener('blur', close)
  }

  function start() {
    var inputs = document.querySelectorAll('input[data-suggest]')
    for (var i = 0; i < inputs.length; i += 1) {
      if (inputs[i].id && typeof fetch === 'function') enhance(inputs[i])
    }
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start)
  else start()
})()
