/*
 * The passport's pickers (a skill, an earned credential, a target career): progressive enhancement of a plain text
 * field. Without this script the learner types a name and the server looks it up by label. With it,
 * the field becomes a WAI-ARIA combobox (list autocomplete) offering matches from
 * GET /api/v1/search?type=skill (or credential, career); choosing one writes its catalog id into the hidden
 * field named by data-picker-target, so the server need not guess. Typing again clears that id.
 *
 * Keys: Down / Up move through the options (and open the list), Enter chooses the highlighted option
 * (without sending the form), Escape closes the list, or clears the text when it is already closed.
 * Counts and choices are announced in a polite live region. API text only ever becomes textContent.
 */
/* global document, fetch, AbortController, URLSearchParams, setTimeout, clearTimeout */
;(function () {
  'use strict'

  var WAIT_MS = 150
  var SHOW = 8
  var SHORTEST = 2

  function enhance(input) {
    var KINDS = { skill: 'Matching skills', credential: 'Matching credentials', career: 'Matching careers' }
    var kind = KINDS[input.getAttribute('data-picker')] ? input.getAttribute('data-picker') : 'skill'
    var target = document.getElementById(input.getAttribute('data-picker-target') || '')
    var found = []
    var current = -1
    var timer = null
    var pending = null
    var generation = 0

    var list = document.createElement('ul')
    list.id = input.id + '-options'
    list.className = 'suggestions'
    list.setAttribute('role', 'listbox')
    list.setAttribute('aria-label', KINDS[kind])
    list.hidden = true
    var live = document.createElement('div')
    live.className = 'visually-hidden'
    live.setAttribute('role', 'status')
    live.setAttribute('aria-live', 'polite')
    input.parentNode.appendChild(list)
    input.parentNode.appendChild(live)
    input.setAttribute('role', 'combobox')
    input.setAttribute('aria-autocomplete', 'list')
    input.setAttribute('aria-expanded', 'false')
    input.setAttribute('aria-controls', list.id)
    input.setAttribute('autocomplete', 'off')

    function say(words) {
      live.textContent = words
    }

    function hide() {
      list.hidden = true
      input.setAttribute('aria-expanded', 'false')
      input.removeAttribute('aria-activedescendant')
      current = -1
    }

    function show() {
      if (found.length === 0) return
      list.hidden = false
      input.setAttribute('aria-expanded', 'true')
    }

    function highlight(index) {
      var options = list.children
      if (options.length === 0) return
      current = (index + options.length) % options.length
      for (var i = 0; i < options.length; i += 1) {
        var on = i === current
        options[i].setAttribute('aria-selected', on ? 'true' : 'false')
        options[i].classList.toggle('is-active', on)
      }
      var active = options[current]
      input.setAttribute('aria-activedescendant', active.id)
      if (active.scrollIntoView) active.scrollIntoView({ block: 'nearest' })
    }

    function pick(index) {
      var item = found[index]
      if (!item) return
      input.value = item.title
      // Careers are known by their slug, skills and credentials by their id.
      if (target) target.value = item.id || item.slug || ''
      hide()
      say(item.title + ' chosen.')
    }

    function optionFor(item, i) {
      var option = document.createElement('li')
      option.id = list.id + '-' + i
      option.setAttribute('role', 'option')
      option.setAttribute('aria-selected', 'false')
      option.textContent = item.title
      // A press on an option must not blur the field first (blur closes the list).
      option.addEventListener('mousedown', function (event) {
        event.preventDefault()
      })
      option.addEventListener('click', function () {
        pick(i)
      })
      return option
    }

    function fill(answer) {
      found = (answer && answer.items) || []
      while (list.firstChild) list.removeChild(list.firstChild)
      for (var i = 0; i < found.length; i += 1) list.appendChild(optionFor(found[i], i))
      current = -1
      input.removeAttribute('aria-activedescendant')
      if (found.length === 0) {
        hide()
        say('No matches. You can still send the name as typed.')
        return
      }
      say(found.length + (found.length === 1 ? ' match' : ' matches') + '. Use the up and down arrow keys, then Enter to choose.')
      if (document.activeElement === input) show()
    }

    function lookUp() {
      if (pending) pending.abort()
      var mine = (generation += 1)
      var text = input.value.trim()
      if (text.length < SHORTEST) {
        found = []
        hide()
        return
      }
      pending = new AbortController()
      var query = new URLSearchParams({ q: text.slice(0, 200), type: kind, limit: String(SHOW) })
      fetch('/api/v1/search?' + query.toString(), { signal: pending.signal, headers: { accept: 'application/json' } })
        .then(function (response) {
          if (!response.ok) throw new Error('search ' + response.status)
          return response.json()
        })
        .then(function (answer) {
          if (mine === generation) fill(answer)
        })
        .catch(function () {
          // Superseded by a newer keystroke, or the search failed: the plain field still works.
          if (mine === generation) hide()
        })
    }

    function onKey(event) {
      var open = !list.hidden
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        if (found.length === 0) return
        event.preventDefault()
        if (!open) show()
        if (event.key === 'ArrowDown') highlight(current + 1)
        else highlight(current < 0 ? -1 : current - 1)
      } else if (event.key === 'Enter') {
        if (open && current >= 0) {
          event.preventDefault()
          pick(current)
        }
      } else if (event.key === 'Escape') {
        event.preventDefault()
        if (open) hide()
        else {
          input.value = ''
          if (target) target.value = ''
        }
      } else if (event.key === 'Tab') {
        hide()
      }
    }

    input.addEventListener('input', function () {
      // The text no longer names the option chosen before.
      if (target) target.value = ''
      clearTimeout(timer)
      timer = setTimeout(lookUp, WAIT_MS)
    })
    input.addEventListener('keydown', onKey)
    input.addEventListener('blur', hide)
  }

  function start() {
    if (typeof fetch !== 'function') return
    var fields = document.querySelectorAll('input[data-picker]')
    for (var i = 0; i < fields.length; i += 1) {
      if (fields[i].id) enhance(fields[i])
    }
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start)
  else start()
})()
